namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>In-place initialisers (not recorded by autograd).</summary>
        public static class init
        {
            /// <summary>Fills with samples from U[low, high).</summary>
            public static Tensor uniform_(Tensor tensor, double low, double high, Generator? generator = null)
            {
                NativeMethods.Check(NativeMethods.rt_uniform_(tensor.Handle, low, high, generator?.Handle ?? GeneratorHandle.Null));
                return tensor;
            }

            /// <summary>Fills with samples from N(mean, std²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                NativeMethods.Check(NativeMethods.rt_normal_(tensor.Handle, mean, std, generator?.Handle ?? GeneratorHandle.Null));
                return tensor;
            }
        }
    }
}
