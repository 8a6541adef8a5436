using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

/// <summary>
/// The thread count of the BLAS that libtorch calls for matrix products. Debian's libtorch uses OpenBLAS,
/// which keeps its own thread pool and ignores <c>at::set_num_threads</c>: without this, a process told to
/// use one thread still ran every large product on all cores. OpenBLAS is found among the libraries already
/// loaded with libtorch (dlopen of a loaded library returns it); with another BLAS nothing is changed.
/// </summary>
internal static unsafe class BlasThreads
{
    private static readonly delegate* unmanaged<int, void> SetExport;
    private static readonly delegate* unmanaged<int> GetExport;

    static BlasThreads()
    {
        foreach (string name in new[] { "libopenblas.so.0", "libblas.so.3", "libopenblas.so" })
        {
            if (!NativeLibrary.TryLoad(name, out IntPtr library)) continue;
            if (NativeLibrary.TryGetExport(library, "openblas_set_num_threads", out IntPtr set)
                && NativeLibrary.TryGetExport(library, "openblas_get_num_threads", out IntPtr get))
            {
                SetExport = (delegate* unmanaged<int, void>)set;
                GetExport = (delegate* unmanaged<int>)get;
                return;
            }
        }
    }

    /// <summary>Whether the BLAS in this process is OpenBLAS (whose threads this class sets).</summary>
    public static bool Available => SetExport != null;

    /// <summary>Sets OpenBLAS's thread count, where it is the BLAS; does nothing otherwise.</summary>
    public static void Set(int threads)
    {
        if (SetExport != null) SetExport(threads);
    }

    /// <summary>OpenBLAS's thread count, or null when the BLAS is another.</summary>
    public static int? Get() => GetExport != null ? GetExport() : null;
}
