using System.Collections;

namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A list of submodules registered as "0", "1", ... (so their parameters are found and saved); it has no forward of its own.</summary>
        public sealed class ModuleList<T> : Module, IReadOnlyList<T>
            where T : Module
        {
            private readonly List<T> _items = [];

            public ModuleList(params T[] modules)
            {
                foreach (var module in modules)
                {
                    append(module);
                }
            }

            public int Count => _items.Count;

            public T this[int index] => _items[index];

            public ModuleList<T> append(T module)
            {
                _items.Add(register_module(_items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
                return this;
            }

            public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
