namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Module form of <see cref="functional.gelu"/> (no parameters), for <see cref="Sequential"/>.</summary>
        public sealed class GELU : Module<Tensor, Tensor>
        {
            /// <summary>Applies GELU elementwise.</summary>
            public override Tensor forward(Tensor input) => functional.gelu(input);
        }
    }
}
