namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Adam with decoupled weight decay (Loshchilov &amp; Hutter), matching <c>torch.optim.AdamW</c>:
        /// p ← p·(1 − lr·wd) − lr·m̂/(√v̂ + eps). Defaults are PyTorch's (lr 1e-3, betas 0.9/0.999, eps 1e-8, wd 0.01).
        /// </summary>
        public sealed class AdamW : Optimizer
        {
            private readonly Tensor?[] _expAvg;
            private readonly Tensor?[] _expAvgSq;
            private long _step;

            public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
                : base(parameters, lr)
            {
                this.beta1 = beta1;
                this.beta2 = beta2;
                this.eps = eps;
                this.weightDecay = weightDecay;
                _expAvg = new Tensor?[Parameters.Count];
                _expAvgSq = new Tensor?[Parameters.Count];
            }

            public double beta1 { get; }

            public double beta2 { get; }

            public double eps { get; }

            public double weightDecay { get; }

            public override void step()
            {
                // One shared step count: every parameter of a model normally gets a gradient each step.
                _step++;
                for (var i = 0; i < Parameters.Count; i++)
                {
                    var p = Parameters[i];
                    _expAvg[i] ??= State(p);
                    _expAvgSq[i] ??= State(p);
                    NativeMethods.Check(NativeMethods.rt_adamw_step(p.Handle, _expAvg[i]!.Handle, _expAvgSq[i]!.Handle, _step, lr, beta1, beta2, eps, weightDecay));
                }
            }

            public override void Dispose()
            {
                foreach (var t in _expAvg.Concat(_expAvgSq))
                {
                    t?.Dispose();
                }
            }
        }
    }
}
