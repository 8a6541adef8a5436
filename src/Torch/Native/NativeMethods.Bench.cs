using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial double rt_bench_matmul(long n, long iterations);

    [LibraryImport(Lib)]
    internal static partial double rt_bench_tiny_add(long iterations);
}
