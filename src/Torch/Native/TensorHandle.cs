using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

/// <summary>
/// Owns one native <c>at::Tensor*</c>. Counting lives here (not in <see cref="Tensor"/>) so a
/// tensor that was never disposed still leaves the live count when its finalizer frees it.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    private static long s_live;

    /// <summary>An invalid handle that marshals as a null pointer (optional native arguments).</summary>
    internal static readonly TensorHandle Null = new();

    private TensorHandle()
        : base(IntPtr.Zero, ownsHandle: false)
    {
    }

    internal TensorHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        Interlocked.Increment(ref s_live);
    }

    /// <summary>Number of native tensors currently owned by .NET.</summary>
    internal static long Live => Interlocked.Read(ref s_live);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.rt_tensor_free(handle);
        Interlocked.Decrement(ref s_live);
        return true;
    }
}
