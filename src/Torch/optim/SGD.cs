namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Stochastic gradient descent with optional momentum (buf ← μ·buf + g, p ← p − lr·buf, as in
        /// <c>torch.optim.SGD</c> without dampening) and L2 weight decay added to the gradient.
        /// </summary>
        public sealed class SGD : Optimizer
        {
            private readonly Tensor?[] _momentum;

            /// <summary>SGD over <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The tensors to train (non-empty).</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="momentum">Momentum μ (0: plain SGD).</param>
            /// <param name="weightDecay">L2 coefficient added to the gradient as weightDecay·p.</param>
            public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double weightDecay = 0)
                : base(parameters, lr)
            {
                this.momentum = momentum;
                this.weightDecay = weightDecay;
                _momentum = new Tensor?[Parameters.Count];
            }

            /// <summary>Momentum μ (0: plain SGD).</summary>
            public double momentum { get; }

            /// <summary>L2 coefficient added to the gradient as weightDecay·p.</summary>
            public double weightDecay { get; }

            /// <summary>One SGD update of every parameter that has a gradient.</summary>
            public override void step()
            {
                for (var i = 0; i < Parameters.Count; i++)
                {
                    var p = Parameters[i];
                    var first = false;
                    if (momentum != 0 && _momentum[i] is null)
                    {
                        _momentum[i] = State(p);
                        first = true;
                    }
                    NativeMethods.Check(NativeMethods.rt_sgd_step(p.Handle, _momentum[i]?.Handle ?? TensorHandle.Null, first ? 1 : 0, lr, momentum, weightDecay));
                }
            }

            /// <summary>Frees the momentum buffers.</summary>
            public override void Dispose()
            {
                foreach (var t in _momentum)
                {
                    t?.Dispose();
                }
            }
        }
    }
}
