namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Zeroes elements with probability p during training (scaling the rest by 1/(1-p)); identity in eval mode.</summary>
        public sealed class Dropout : Module<Tensor, Tensor>
        {
            public Dropout(double p = 0.5)
            {
                if (p is < 0 or > 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
                }
                this.p = p;
            }

            public double p { get; }

            public override Tensor forward(Tensor input) => functional.dropout(input, p, training);
        }
    }
}
