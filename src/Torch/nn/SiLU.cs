namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Module form of <see cref="functional.silu"/> (no parameters), for <see cref="Sequential"/>.</summary>
        public sealed class SiLU : Module<Tensor, Tensor>
        {
            /// <summary>Applies x·sigmoid(x) elementwise.</summary>
            public override Tensor forward(Tensor input) => functional.silu(input);
        }
    }
}
