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

            public Sequential(params Module<Tensor, Tensor>[] layers)
            {
                foreach (var layer in layers)
                {
                    append(layer);
                }
            }

            public int Count => _layers.Count;

            public Module<Tensor, Tensor> this[int index] => _layers[index];

            public Sequential append(Module<Tensor, Tensor> layer)
            {
                _layers.Add(register_module(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer));
                return this;
            }

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
