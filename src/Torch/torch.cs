using System.Globalization;

namespace RtfmGym.Torch;

/// <summary>
/// Entry point shaped like PyTorch/TorchSharp's <c>torch</c> module: factories, ops, modes,
/// <see cref="nn"/> and <see cref="optim"/>. Bring it in with <c>using static RtfmGym.Torch.torch;</c>.
/// </summary>
public static partial class torch
{
    /// <summary>32-bit float, the default dtype.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary>16-bit IEEE half float.</summary>
    public const ScalarType float16 = ScalarType.Float16;
    /// <summary>bfloat16 (autocast on CUDA).</summary>
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    /// <summary>64-bit float.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary>64-bit integer (indices).</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary>32-bit integer.</summary>
    public const ScalarType int32 = ScalarType.Int32;
    /// <summary>Unsigned byte (image data).</summary>
    public const ScalarType uint8 = ScalarType.UInt8;
    /// <summary>Boolean (masks).</summary>
    public const ScalarType @bool = ScalarType.Bool;

    /// <summary>Environment variable overriding the default intra-op thread count.</summary>
    public const string ThreadsVariable = "RTFMGYM_TORCH_THREADS";

    /// <summary>The libtorch version the native shim was built against, e.g. <c>1.13.0</c>.</summary>
    public static string version => System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NativeMethods.rt_torch_version()) ?? "unknown";

    /// <summary>Opens a <see cref="DisposeScope"/> on this thread.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Sets libtorch's intra-op thread count (process-wide), and OpenBLAS's where it is the BLAS (it ignores libtorch's).</summary>
    public static void set_num_threads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        NativeMethods.Check(NativeMethods.rt_set_num_threads(threads));
        BlasThreads.Set(threads);
    }

    /// <summary>OpenBLAS's own thread count, or null when libtorch's BLAS is another (then <see cref="get_num_threads"/> is the whole story).</summary>
    public static int? blas_num_threads() => BlasThreads.Get();

    /// <summary>libtorch's intra-op thread count now (see <see cref="set_num_threads"/>).</summary>
    public static int get_num_threads() => NativeMethods.rt_get_num_threads();

    /// <summary>
    /// The thread count applied when the native library loads: <c>RTFMGYM_TORCH_THREADS</c> if it is a
    /// positive integer, else <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public static int DefaultThreadCount()
    {
        var text = Environment.GetEnvironmentVariable(ThreadsVariable);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : Environment.ProcessorCount;
    }

    /// <summary>Seeds libtorch's default generators (CPU and all GPUs).</summary>
    public static void manual_seed(ulong seed) => NativeMethods.rt_manual_seed(seed);
}
