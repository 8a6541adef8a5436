using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

/// <summary>
/// P/Invoke surface of librtfmtorch (native/). One partial file per native source file.
/// Conventions: tensor-returning entries return <see cref="IntPtr.Zero"/> on failure and
/// integer entries a negative value; either way the thread-local native message is turned
/// into a <see cref="TorchException"/> by <see cref="CheckForErrors"/>.
/// </summary>
internal static partial class NativeMethods
{
    internal const string Lib = "rtfmtorch";

    [LibraryImport(Lib)]
    private static partial IntPtr rt_last_error();

    [LibraryImport(Lib)]
    private static partial void rt_clear_error();

    /// <summary>Throws the pending native error of this thread, if any.</summary>
    internal static void CheckForErrors()
    {
        var message = rt_last_error();
        if (message == IntPtr.Zero)
        {
            return;
        }
        var text = Marshal.PtrToStringUTF8(message) ?? "unknown libtorch error";
        rt_clear_error();
        throw new TorchException(text.TrimEnd());
    }

    /// <summary>Wraps a returned tensor handle, throwing the native error when it is null.</summary>
    internal static Tensor Wrap(IntPtr handle)
    {
        if (handle == IntPtr.Zero)
        {
            CheckForErrors();
            throw new TorchException("libtorch returned no tensor and no error message");
        }
        return new Tensor(handle);
    }

    /// <summary>Checks a status code (negative means failure).</summary>
    internal static void Check(int status)
    {
        if (status < 0)
        {
            CheckForErrors();
            throw new TorchException("libtorch call failed without an error message");
        }
    }
}
