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
            public Linear(long inFeatures, long outFeatures, bool hasBias = true, Device? device = null, Generator? generator = null)
            {
                var bound = 1.0 / Math.Sqrt(inFeatures);
                weight = register_parameter(nameof(weight), init.uniform_(empty([outFeatures, inFeatures], device), -bound, bound, generator));
                if (hasBias)
                {
                    bias = register_parameter(nameof(bias), init.uniform_(empty([outFeatures], device), -bound, bound, generator));
                }
            }

            public Tensor weight { get; }

            public Tensor? bias { get; }

            public override Tensor forward(Tensor input) => functional.linear(input, weight, bias);
        }

        /// <summary>An uninitialised-in-meaning (zero-filled) float32 tensor for initialisers to overwrite.</summary>
        internal static Tensor empty(long[] shape, Device? device) => zeros(shape, float32, device);
    }
}
