using Microsoft.Win32.SafeHandles;

namespace RtfmGym.Bridge.Zmq;

/// <summary>A zmq context; released with zmq_ctx_term once every socket handle that references it is released.</summary>
internal sealed class ZmqContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ZmqContextHandle() : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        // zmq_ctx_term can be interrupted by a signal (EINTR); it must then be called again.
        int rc;
        do { rc = NativeMethods.zmq_ctx_term(handle); }
        while (rc < 0 && NativeMethods.zmq_errno() == NativeMethods.EINTR);
        return rc == 0;
    }
}
