namespace RtfmGym.Torch;

public static partial class torch
{
    /// <summary>Optimisers and learning-rate schedules, shaped like PyTorch's <c>torch.optim</c>.</summary>
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

            /// <summary>AdamW over <paramref name="parameters"/>.</summary>
            /// <param name="parameters">The tensors to train (non-empty).</param>
            /// <param name="lr">Learning rate.</param>
            /// <param name="beta1">Decay of the first-moment (mean gradient) average.</param>
            /// <param name="beta2">Decay of the second-moment (squared gradient) average.</param>
            /// <param name="eps">Added to √v̂ in the denominator, for stability.</param>
            /// <param name="weightDecay">Decoupled decay: each step multiplies the weights by 1 − lr·weightDecay.</param>
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

            /// <summary>Decay of the first-moment (mean gradient) average.</summary>
            public double beta1 { get; }

            /// <summary>Decay of the second-moment (squared gradient) average.</summary>
            public double beta2 { get; }

            /// <summary>Added to √v̂ in the denominator, for stability.</summary>
            public double eps { get; }

            /// <summary>Decoupled weight decay per unit learning rate.</summary>
            public double weightDecay { get; }

            /// <summary>One AdamW update of every parameter that has a gradient (bias-corrected moments).</summary>
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

            /// <summary>Steps taken so far (the bias-correction count).</summary>
            public long StepCount => _step;

            /// <summary>
            /// The optimiser state for checkpoints: "step" (int64 scalar) and "exp_avg.N", "exp_avg_sq.N"
            /// for parameter N that has state. The tensors are copies the caller owns (they join the current scope).
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var state = new Dictionary<string, Tensor> { ["step"] = tensor(new[] { _step }) };
                for (var i = 0; i < Parameters.Count; i++)
                {
                    if (_expAvg[i] is { } m) state[$"exp_avg.{i}"] = m.clone();
                    if (_expAvgSq[i] is { } v) state[$"exp_avg_sq.{i}"] = v.clone();
                }
                return state;
            }

            /// <summary>Restores what <see cref="state_dict"/> saved, for the same parameter list.</summary>
            /// <exception cref="CheckpointMismatchException">A moment's shape differs from its parameter's, or the step is missing.</exception>
            public void load_state_dict(IReadOnlyDictionary<string, Tensor> state)
            {
                if (!state.TryGetValue("step", out var stepTensor))
                    throw new CheckpointMismatchException(["optimizer state has no 'step' entry"]);
                for (var i = 0; i < Parameters.Count; i++)
                {
                    _expAvg[i] = Restore(state, $"exp_avg.{i}", Parameters[i], _expAvg[i]);
                    _expAvgSq[i] = Restore(state, $"exp_avg_sq.{i}", Parameters[i], _expAvgSq[i]);
                }
                _step = stepTensor.to(int64).item<long>();
            }

            private static Tensor? Restore(IReadOnlyDictionary<string, Tensor> state, string name, Tensor parameter, Tensor? current)
            {
                if (!state.TryGetValue(name, out var saved)) return current;
                if (!saved.shape.SequenceEqual(parameter.shape))
                    throw new CheckpointMismatchException([$"optimizer state '{name}' has shape [{string.Join(", ", saved.shape)}], its parameter [{string.Join(", ", parameter.shape)}]"]);
                current ??= State(parameter);
                using (no_grad()) current.copy_(saved);
                return current;
            }

            /// <summary>Frees the moment tensors.</summary>
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
