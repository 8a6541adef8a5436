namespace RtfmGym.Torch;

public static partial class torch
{
    /// <summary>CUDA queries.</summary>
    public static class cuda
    {
        private static readonly Lazy<bool> s_available = new(() => NativeMethods.rt_cuda_is_available() == 1);

        /// <summary>True when the shim was built against a CUDA libtorch and a GPU is visible (cached).</summary>
        public static bool is_available() => s_available.Value;

        /// <summary>Number of visible CUDA devices (0 without a CUDA build or GPU).</summary>
        public static int device_count() => NativeMethods.rt_cuda_device_count();
    }
}
