namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with a typed forward pass.</summary>
        public abstract class Module<T, TResult> : Module
        {
            /// <summary>The layer's computation; call it through <see cref="call"/> like PyTorch's <c>module(x)</c>.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs <see cref="forward"/> (PyTorch's <c>module(x)</c>).</summary>
            public TResult call(T input) => forward(input);
        }
    }
}
