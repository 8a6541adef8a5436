using Microsoft.Win32.SafeHandles;

namespace RtfmGym.Bridge.Zmq;

/// <summary>
/// A zmq socket. It holds a reference on its context handle, so the context is terminated
/// only after its last socket is closed (zmq_ctx_term would otherwise block forever).
/// </summary>
internal sealed class ZmqSocketHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private ZmqContextHandle? _context;

    public ZmqSocketHandle() : base(ownsHandle: true)
    {
    }

    internal static ZmqSocketHandle Open(ZmqContextHandle context, int type)
    {
        bool added = false;
        context.DangerousAddRef(ref added);
        nint raw = NativeMethods.zmq_socket(context, type);
        if (raw == 0)
        {
            int errno = NativeMethods.zmq_errno();
            context.DangerousRelease();
            throw new ZmqException(errno, "zmq_socket");
        }
        var socket = new ZmqSocketHandle { _context = context };
        socket.SetHandle(raw);
        return socket;
    }

    protected override bool ReleaseHandle()
    {
        bool ok = NativeMethods.zmq_close(handle) == 0;
        _context?.DangerousRelease();
        return ok;
    }
}
