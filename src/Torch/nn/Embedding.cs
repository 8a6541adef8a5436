namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A lookup table of <c>count</c> vectors of size <c>dim</c>, initialised N(0, 1) like PyTorch; input is int64 indices.</summary>
        public sealed class Embedding : Module<Tensor, Tensor>
        {
            /// <summary>A table of <paramref name="count"/> vectors of <paramref name="dim"/> values, initialised from N(0, 1) like PyTorch.</summary>
            /// <param name="count">Number of entries (valid indices are 0 to count − 1).</param>
            /// <param name="dim">Length of each vector.</param>
            /// <param name="device">Where the table lives (default CPU).</param>
            /// <param name="generator">Seeded generator of the initial values (default: libtorch's global one).</param>
            public Embedding(long count, long dim, Device? device = null, Generator? generator = null)
            {
                weight = register_parameter(nameof(weight), init.normal_(empty([count, dim], device), 0, 1, generator));
            }

            /// <summary>The table, shape (count, dim).</summary>
            public Tensor weight { get; }

            /// <summary>Looks up int64 indices of any shape; the result has one more trailing dim of size dim.</summary>
            public override Tensor forward(Tensor input) => functional.embedding(input, weight);
        }
    }
}
