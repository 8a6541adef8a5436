namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Layer normalisation over the trailing <c>normalizedShape</c> dims; affine weight starts at 1, bias at 0.</summary>
        public sealed class LayerNorm : Module<Tensor, Tensor>
        {
            private readonly long[] _normalizedShape;

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

            public double eps { get; }

            public Tensor? weight { get; }

            public Tensor? bias { get; }

            public override Tensor forward(Tensor input) => functional.layer_norm(input, _normalizedShape, weight, bias, eps);
        }
    }
}
