using System.Runtime.InteropServices;

namespace RtfmGym.Bridge.Zmq;

/// <summary>
/// Every libzmq entry point the bridge uses (libzmq 4.3, C API), in one place. Calls that
/// take a socket or context take the SafeHandle so the marshaller keeps it alive for the
/// duration of the call.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string Lib = "libzmq.so.5";

    [LibraryImport(Lib)] internal static partial void zmq_version(out int major, out int minor, out int patch);
    [LibraryImport(Lib)] internal static partial int zmq_errno();
    [LibraryImport(Lib)] internal static partial byte* zmq_strerror(int errnum);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int zmq_has(string capability);

    [LibraryImport(Lib)] internal static partial nint zmq_ctx_new();
    [LibraryImport(Lib)] internal static partial int zmq_ctx_term(nint context);

    [LibraryImport(Lib)] internal static partial nint zmq_socket(ZmqContextHandle context, int type);
    [LibraryImport(Lib)] internal static partial int zmq_close(nint socket);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int zmq_bind(ZmqSocketHandle socket, string endpoint);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int zmq_unbind(ZmqSocketHandle socket, string endpoint);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int zmq_connect(ZmqSocketHandle socket, string endpoint);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int zmq_disconnect(ZmqSocketHandle socket, string endpoint);
    [LibraryImport(Lib)] internal static partial int zmq_setsockopt(ZmqSocketHandle socket, int option, void* value, nuint length);
    [LibraryImport(Lib)] internal static partial int zmq_getsockopt(ZmqSocketHandle socket, int option, void* value, nuint* length);
    [LibraryImport(Lib)] internal static partial int zmq_send(ZmqSocketHandle socket, void* buffer, nuint length, int flags);

    [LibraryImport(Lib)] internal static partial int zmq_msg_init(ZmqMsg* message);
    [LibraryImport(Lib)] internal static partial int zmq_msg_init_size(ZmqMsg* message, nuint size);
    [LibraryImport(Lib)] internal static partial int zmq_msg_recv(ZmqMsg* message, ZmqSocketHandle socket, int flags);
    [LibraryImport(Lib)] internal static partial int zmq_msg_send(ZmqMsg* message, ZmqSocketHandle socket, int flags);
    [LibraryImport(Lib)] internal static partial void* zmq_msg_data(ZmqMsg* message);
    [LibraryImport(Lib)] internal static partial nuint zmq_msg_size(ZmqMsg* message);
    [LibraryImport(Lib)] internal static partial int zmq_msg_more(ZmqMsg* message);
    [LibraryImport(Lib)] internal static partial int zmq_msg_close(ZmqMsg* message);

    [LibraryImport(Lib)] internal static partial int zmq_poll(ZmqPollItem* items, int count, long timeoutMs);

    [LibraryImport(Lib)] internal static partial int zmq_curve_keypair(byte* z85PublicKey, byte* z85SecretKey);
    [LibraryImport(Lib)] internal static partial int zmq_curve_public(byte* z85PublicKey, byte* z85SecretKey);
    [LibraryImport(Lib)] internal static partial byte* zmq_z85_encode(byte* destination, byte* data, nuint size);
    [LibraryImport(Lib)] internal static partial byte* zmq_z85_decode(byte* destination, byte* z85);

    internal const int ZMQ_DONTWAIT = 1;
    internal const int ZMQ_SNDMORE = 2;
    internal const short ZMQ_POLLIN = 1;
    internal const short ZMQ_POLLOUT = 2;
    internal const int EAGAIN = 11;
    internal const int EINTR = 4;

    /// <summary>zmq_msg_t: 64 opaque bytes, 8-byte aligned.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    internal struct ZmqMsg
    {
        private long _first;
    }

    /// <summary>zmq_pollitem_t on Unix: void* socket; int fd; short events; short revents.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct ZmqPollItem
    {
        public nint Socket;
        public int Fd;
        public short Events;
        public short Revents;
    }
}
