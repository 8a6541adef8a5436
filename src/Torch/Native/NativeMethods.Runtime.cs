using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static partial class NativeMethods
{
    /// <summary>Returns a pointer to a static string: marshal it by hand, since a <c>string</c> return would free it.</summary>
    [LibraryImport(Lib)]
    internal static partial IntPtr rt_torch_version();

    [LibraryImport(Lib)]
    internal static partial int rt_set_num_threads(int n);

    [LibraryImport(Lib)]
    internal static partial int rt_get_num_threads();

    [LibraryImport(Lib)]
    internal static partial int rt_cuda_is_available();

    [LibraryImport(Lib)]
    internal static partial int rt_cuda_device_count();

    [LibraryImport(Lib)]
    internal static partial void rt_manual_seed(ulong seed);
}
