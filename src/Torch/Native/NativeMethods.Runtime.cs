using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial string rt_torch_version();

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
