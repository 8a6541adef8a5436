namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A lookup table of <c>count</c> vectors of size <c>dim</c>, initialised N(0, 1) like PyTorch; input is int64 indices.</summary>
        public sealed class Embedding : Module<Tensor, Tensor>
        {
            public Embedding(long count, long dim, Device? device = null, Generator? generator = null)
            {
                weight = register_parameter(nameof(weight), init.normal_(empty([count, dim], device), 0, 1, generator));
            }

            public Tensor weight { get; }

            public override Tensor forward(Tensor input) => functional.embedding(input, weight);
        }
    }
}
