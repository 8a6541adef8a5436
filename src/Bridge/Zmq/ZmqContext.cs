namespace RtfmGym.Bridge.Zmq;

/// <summary>
/// A libzmq context (thread-safe). Disposing it only marks it for termination: libzmq's
/// zmq_ctx_term runs once the last socket created from it is disposed too.
/// </summary>
public sealed class ZmqContext : IDisposable
{
    internal ZmqContextHandle Handle { get; }

    /// <summary>Creates a context with libzmq's defaults (one I/O thread).</summary>
    public ZmqContext()
    {
        var handle = new ZmqContextHandle();
        nint raw = NativeMethods.zmq_ctx_new();
        if (raw == 0) throw new ZmqException(NativeMethods.zmq_errno(), "zmq_ctx_new");
        System.Runtime.InteropServices.Marshal.InitHandle(handle, raw);
        Handle = handle;
    }

    /// <summary>The libzmq version, e.g. 4.3.4.</summary>
    public static Version LibraryVersion
    {
        get
        {
            NativeMethods.zmq_version(out int major, out int minor, out int patch);
            return new Version(major, minor, patch);
        }
    }

    /// <summary>True when libzmq was built with the named capability ("curve", "ipc", ...).</summary>
    public static bool Has(string capability) => NativeMethods.zmq_has(capability) != 0;

    /// <summary>Creates a socket of <paramref name="type"/> with linger 0 (pending messages dropped on close).</summary>
    public ZmqSocket CreateSocket(ZmqSocketType type) => new(this, type);

    /// <summary>Gives up this reference to the context; zmq_ctx_term runs once the last socket made from it is disposed too, so this never blocks on open sockets.</summary>
    public void Dispose() => Handle.Dispose();
}
