namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Layer normalisation over the trailing <c>normalizedShape</c> dims; affine weight starts at 1, bias at 0.</summary>
        public sealed class LayerNorm : Module<Tensor, Tensor>
        {
            private readonly long[] _normalizedShape;

            /// <summary>Normalisation over the trailing <paramref name="normalizedShape"/> dims, with a learned scale (ones) and shift (zeros) when <paramref name="elementwiseAffine"/>.</summary>
            /// <param name="normalizedShape">The trailing dims normalised together, e.g. <c>[channels]</c>.</param>
            /// <param name="eps">Added to the variance before the square root, for stability.</param>
            /// <param name="elementwiseAffine">Whether to learn a per-element scale and shift.</param>
            /// <param name="device">Where the parameters live (default CPU).</param>
            public LayerNorm(long[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, Device? device = null)
            {
                _normalizedShape = (long[])normalizedShape.Clone();
                this.eps = eps;
                if (elementwiseAffine)
                {
                    weight = register_parameter(nameof(weight), ones(normalizedShape, float32, device));
                    bias = register_parameter(nameof(bias), zeros(normalizedShape, float32, device));
                }
            }

            /// <summary>Added to the variance before the square root, for stability.</summary>
            public double eps { get; }

            /// <summary>Learned scale over the normalised dims, or null without elementwise affine.</summary>
            public Tensor? weight { get; }

            /// <summary>Learned shift over the normalised dims, or null without elementwise affine.</summary>
            public Tensor? bias { get; }

            /// <summary>Normalises the trailing dims of <paramref name="input"/> (biased variance), then scales and shifts.</summary>
            public override Tensor forward(Tensor input) => functional.layer_norm(input, _normalizedShape, weight, bias, eps);
        }
    }
}
