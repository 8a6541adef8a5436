using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

/// <summary>
/// How much freed memory glibc's malloc, where libtorch's CPU tensors live, keeps for reuse. By default it
/// returns a free top of heap over a threshold that adapts to at most 64 MiB, so a forward pass whose
/// temporaries add up to more than that (the frame model drawing 32 frames in one call: some 250 MiB) got its
/// pages from the kernel again on every call, zero-filled and cold: five to eight times the processor time
/// per frame of a call drawing one. Here blocks up to 32 MiB stay in the heap and up to
/// <see cref="TrimThresholdBytes"/> of free heap is kept, so a repeated pass reuses warm pages. Malloc's own
/// tunables, when the user set them (<c>GLIBC_TUNABLES</c>, <c>MALLOC_*_</c>), are left in charge, and
/// another C library is left alone.
/// </summary>
internal static unsafe class NativeHeap
{
    /// <summary>Blocks up to this size come from the heap rather than a mapping of their own (glibc's largest allowed).</summary>
    internal const int MmapThresholdBytes = 32 << 20;

    /// <summary>Free memory at the top of the heap up to this size is kept rather than returned to the kernel.</summary>
    internal const int TrimThresholdBytes = 512 << 20;

    private const int MTrimThreshold = -1, MMmapThreshold = -3;

    /// <summary>Sets the thresholds; false when the C library is not glibc or the user tuned malloc (<see cref="UserTuned"/>).</summary>
    public static bool Configure()
    {
        if (UserTuned(Environment.GetEnvironmentVariable)) return false;
        if (!NativeLibrary.TryLoad("libc.so.6", out IntPtr libc) || !NativeLibrary.TryGetExport(libc, "mallopt", out IntPtr export)) return false;
        var mallopt = (delegate* unmanaged<int, int, int>)export;
        // Setting the mapping threshold also fixes it, which stops glibc from lowering the trim threshold again.
        return mallopt(MMmapThreshold, MmapThresholdBytes) == 1 && mallopt(MTrimThreshold, TrimThresholdBytes) == 1;
    }

    /// <summary>Whether the environment (read through <paramref name="variable"/>) sets malloc's own thresholds.</summary>
    internal static bool UserTuned(Func<string, string?> variable) =>
        (variable("GLIBC_TUNABLES") ?? "").Contains("glibc.malloc.", StringComparison.Ordinal)
        || new[] { "MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_" }.Any(v => !string.IsNullOrEmpty(variable(v)));
}
