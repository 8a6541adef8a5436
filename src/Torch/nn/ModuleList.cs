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

            /// <summary>A list holding <paramref name="modules"/> in order.</summary>
            /// <param name="modules">The submodules, registered as "0", "1", ...</param>
            public ModuleList(params T[] modules)
            {
                foreach (var module in modules)
                {
                    append(module);
                }
            }

            /// <summary>Number of submodules.</summary>
            public int Count => _items.Count;

            /// <summary>The submodule at <paramref name="index"/>.</summary>
            public T this[int index] => _items[index];

            /// <summary>Adds <paramref name="module"/> at the end under the next number; returns this list.</summary>
            public ModuleList<T> append(T module)
            {
                _items.Add(register_module(_items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
                return this;
            }

            /// <summary>The submodules in order.</summary>
            public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
