namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Zeroes elements with probability p during training (scaling the rest by 1/(1-p)); identity in eval mode.</summary>
        public sealed class Dropout : Module<Tensor, Tensor>
        {
            /// <summary>Dropout with drop probability <paramref name="p"/>.</summary>
            /// <param name="p">Probability in [0, 1] that an element is zeroed in training mode.</param>
            public Dropout(double p = 0.5)
            {
                if (p is < 0 or > 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");
                }
                this.p = p;
            }

            /// <summary>Probability that an element is zeroed in training mode.</summary>
            public double p { get; }

            /// <summary>Drops and rescales in training mode; returns the input unchanged in eval mode.</summary>
            public override Tensor forward(Tensor input) => functional.dropout(input, p, training);
        }
    }
}
