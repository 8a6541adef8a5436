namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Base optimiser over one group of parameters. <see cref="lr"/> is settable so schedules can drive it.
        /// State tensors (moments, momentum) are owned by the optimiser and freed by <see cref="Dispose"/>.
        /// </summary>
        public abstract class Optimizer : IDisposable
        {
            /// <summary>An optimiser over <paramref name="parameters"/> at learning rate <paramref name="lr"/>.</summary>
            /// <param name="parameters">The tensors to train (non-empty); the list is copied.</param>
            /// <param name="lr">Initial learning rate (not negative).</param>
            protected Optimizer(IEnumerable<Tensor> parameters, double lr)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(lr);
                Parameters = parameters.ToList();
                if (Parameters.Count == 0)
                {
                    throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
                }
                this.lr = lr;
            }

            /// <summary>Current learning rate.</summary>
            public double lr { get; set; }

            /// <summary>The trained tensors, in the order given.</summary>
            protected IReadOnlyList<Tensor> Parameters { get; }

            /// <summary>Updates every parameter that has a gradient.</summary>
            public abstract void step();

            /// <summary>Drops all parameter gradients (set to none).</summary>
            public void zero_grad()
            {
                foreach (var p in Parameters)
                {
                    p.zero_grad();
                }
            }

            /// <summary>Frees the optimiser state (not the parameters).</summary>
            public abstract void Dispose();

            /// <summary>A zero tensor like <paramref name="parameter"/> that belongs to no scope.</summary>
            protected static Tensor State(Tensor parameter) => zeros_like(parameter).DetachFromDisposeScope();
        }
    }
}
