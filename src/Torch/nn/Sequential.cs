namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Applies its modules in order; they are registered as "0", "1", ... like PyTorch. Intermediate
        /// results are disposed as soon as the next module has consumed them.
        /// </summary>
        public sealed class Sequential : Module<Tensor, Tensor>
        {
            private readonly List<Module<Tensor, Tensor>> _layers = [];

            /// <summary>A chain of <paramref name="layers"/>, applied first to last.</summary>
            /// <param name="layers">The layers, registered as "0", "1", ...</param>
            public Sequential(params Module<Tensor, Tensor>[] layers)
            {
                foreach (var layer in layers)
                {
                    append(layer);
                }
            }

            /// <summary>Number of layers.</summary>
            public int Count => _layers.Count;

            /// <summary>The layer at <paramref name="index"/>.</summary>
            public Module<Tensor, Tensor> this[int index] => _layers[index];

            /// <summary>Adds <paramref name="layer"/> at the end under the next number; returns this chain.</summary>
            public Sequential append(Module<Tensor, Tensor> layer)
            {
                _layers.Add(register_module(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer));
                return this;
            }

            /// <summary>Feeds <paramref name="input"/> through every layer in order; the input itself is not disposed.</summary>
            public override Tensor forward(Tensor input)
            {
                var current = input;
                foreach (var layer in _layers)
                {
                    var next = layer.forward(current);
                    // Autograd keeps what it needs natively, so the .NET wrapper can go now.
                    if (!ReferenceEquals(current, input) && !ReferenceEquals(current, next))
                    {
                        current.Dispose();
                    }
                    current = next;
                }
                return current;
            }
        }
    }
}
