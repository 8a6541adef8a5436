using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

/// <summary>Owns one native <c>at::Generator*</c>; <see cref="Null"/> selects libtorch's default generator.</summary>
internal sealed class GeneratorHandle : SafeHandle
{
    internal static readonly GeneratorHandle Null = new(IntPtr.Zero, ownsHandle: false);

    internal GeneratorHandle(IntPtr handle, bool ownsHandle = true)
        : base(IntPtr.Zero, ownsHandle)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.rt_generator_free(handle);
        return true;
    }
}
