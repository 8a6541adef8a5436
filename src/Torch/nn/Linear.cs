namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// y = x Wᵀ + b with weight (out, in). Initialised like PyTorch: W and b ~ U(-1/√in, 1/√in).
        /// </summary>
        public sealed class Linear : Module<Tensor, Tensor>
        {
            /// <summary>An affine map from <paramref name="inFeatures"/> to <paramref name="outFeatures"/> values.</summary>
            /// <param name="inFeatures">Size of the input's last dim.</param>
            /// <param name="outFeatures">Size of the output's last dim.</param>
            /// <param name="hasBias">Whether to learn a bias b.</param>
            /// <param name="device">Where the parameters live (default CPU).</param>
            /// <param name="generator">Seeded generator of the initial weights (default: libtorch's global one).</param>
            public Linear(long inFeatures, long outFeatures, bool hasBias = true, Device? device = null, Generator? generator = null)
            {
                var bound = 1.0 / Math.Sqrt(inFeatures);
                weight = register_parameter(nameof(weight), init.uniform_(empty([outFeatures, inFeatures], device), -bound, bound, generator));
                if (hasBias)
                {
                    bias = register_parameter(nameof(bias), init.uniform_(empty([outFeatures], device), -bound, bound, generator));
                }
            }

            /// <summary>W, shape (out, in).</summary>
            public Tensor weight { get; }

            /// <summary>b, shape (out), or null when built without one.</summary>
            public Tensor? bias { get; }

            /// <summary>x Wᵀ + b over the last dim of <paramref name="input"/>; leading dims pass through.</summary>
            public override Tensor forward(Tensor input) => functional.linear(input, weight, bias);
        }

        /// <summary>An uninitialised-in-meaning (zero-filled) float32 tensor for initialisers to overwrite.</summary>
        internal static Tensor empty(long[] shape, Device? device) => zeros(shape, float32, device);
    }
}
