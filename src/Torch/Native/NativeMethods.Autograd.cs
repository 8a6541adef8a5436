using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial int rt_set_grad_enabled(int enabled);

    [LibraryImport(Lib)]
    internal static partial int rt_is_grad_enabled();

    [LibraryImport(Lib)]
    internal static partial int rt_backward(TensorHandle h, TensorHandle grad, int retainGraph);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_tensor_grad(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_tensor_zero_grad(TensorHandle h);

    [LibraryImport(Lib)]
    internal static partial int rt_autocast_enter(int dtype);

    [LibraryImport(Lib)]
    internal static partial int rt_autocast_exit(int previous);

    [LibraryImport(Lib)]
    internal static partial int rt_autocast_is_enabled();
}
