namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Module form of <see cref="functional.relu"/> (no parameters), for <see cref="Sequential"/>.</summary>
        public sealed class ReLU : Module<Tensor, Tensor>
        {
            /// <summary>Applies max(x, 0) elementwise.</summary>
            public override Tensor forward(Tensor input) => functional.relu(input);
        }
    }
}
