using System.Text;
using static RtfmGym.Bridge.Zmq.NativeMethods;

namespace RtfmGym.Bridge.Zmq;

/// <summary>
/// A libzmq socket. Like libzmq's, it is not thread-safe: use it from one thread at a time.
/// Frames are received into managed arrays with one block copy.
/// </summary>
public sealed unsafe class ZmqSocket : IDisposable
{
    internal ZmqSocketHandle Handle { get; }

    internal ZmqSocket(ZmqContext context, ZmqSocketType type)
    {
        Handle = ZmqSocketHandle.Open(context.Handle, (int)type);
        Type = type;
        // libzmq's default linger is forever, which would make disposal hang on an unreachable peer.
        SetOption(ZmqSocketOption.Linger, 0);
    }

    /// <summary>The socket type.</summary>
    public ZmqSocketType Type { get; }

    /// <summary>The endpoint last bound, with a wildcard port resolved (ZMQ_LAST_ENDPOINT).</summary>
    public string LastEndpoint => GetString(ZmqSocketOption.LastEndpoint);

    /// <summary>Listens on <paramref name="endpoint"/>, e.g. <c>tcp://*:5555</c> or <c>ipc:///tmp/rtfm</c>; throws <see cref="ZmqException"/> on failure.</summary>
    public void Bind(string endpoint) => ZmqException.ThrowIfFailed(zmq_bind(Handle, endpoint), $"zmq_bind({endpoint})");

    /// <summary>Stops listening on an endpoint given to <see cref="Bind"/>.</summary>
    public void Unbind(string endpoint) => ZmqException.ThrowIfFailed(zmq_unbind(Handle, endpoint), $"zmq_unbind({endpoint})");

    /// <summary>Connects to <paramref name="endpoint"/>, e.g. <c>tcp://127.0.0.1:5555</c>; libzmq connects in the background and retries.</summary>
    public void Connect(string endpoint) => ZmqException.ThrowIfFailed(zmq_connect(Handle, endpoint), $"zmq_connect({endpoint})");

    /// <summary>Drops a connection made by <see cref="Connect"/>.</summary>
    public void Disconnect(string endpoint) => ZmqException.ThrowIfFailed(zmq_disconnect(Handle, endpoint), $"zmq_disconnect({endpoint})");

    /// <summary>Sets an int option.</summary>
    public void SetOption(ZmqSocketOption option, int value) =>
        ZmqException.ThrowIfFailed(zmq_setsockopt(Handle, (int)option, &value, sizeof(int)), $"zmq_setsockopt({option})");

    /// <summary>Sets an int64 option (<see cref="ZmqSocketOption.MaxMessageSize"/>).</summary>
    public void SetOption(ZmqSocketOption option, long value) =>
        ZmqException.ThrowIfFailed(zmq_setsockopt(Handle, (int)option, &value, sizeof(long)), $"zmq_setsockopt({option})");

    /// <summary>Sets a binary option (keys, routing id).</summary>
    public void SetOption(ZmqSocketOption option, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value)
        {
            ZmqException.ThrowIfFailed(zmq_setsockopt(Handle, (int)option, p, (nuint)value.Length), $"zmq_setsockopt({option})");
        }
    }

    /// <summary>Sets a string option (UTF-8, no terminator).</summary>
    public void SetOption(ZmqSocketOption option, string value) => SetOption(option, Encoding.UTF8.GetBytes(value));

    /// <summary>Reads an int-valued socket option (zmq_getsockopt).</summary>
    public int GetInt(ZmqSocketOption option)
    {
        int value = 0;
        nuint size = sizeof(int);
        ZmqException.ThrowIfFailed(zmq_getsockopt(Handle, (int)option, &value, &size), $"zmq_getsockopt({option})");
        return value;
    }

    /// <summary>Reads a 64-bit socket option (zmq_getsockopt), e.g. ZMQ_MAXMSGSIZE.</summary>
    public long GetInt64(ZmqSocketOption option)
    {
        long value = 0;
        nuint size = sizeof(long);
        ZmqException.ThrowIfFailed(zmq_getsockopt(Handle, (int)option, &value, &size), $"zmq_getsockopt({option})");
        return value;
    }

    /// <summary>A string option, without its NUL terminator.</summary>
    public string GetString(ZmqSocketOption option)
    {
        Span<byte> buffer = stackalloc byte[1024];
        nuint size = (nuint)buffer.Length;
        fixed (byte* p = buffer)
        {
            ZmqException.ThrowIfFailed(zmq_getsockopt(Handle, (int)option, p, &size), $"zmq_getsockopt({option})");
        }
        return Encoding.UTF8.GetString(buffer[..(int)size].TrimEnd((byte)0));
    }

    /// <summary>
    /// Sends one frame; <paramref name="more"/> marks further frames of the same message.
    /// Returns false when <paramref name="dontWait"/> is set and the frame cannot be queued now (EAGAIN).
    /// </summary>
    public bool TrySend(ReadOnlySpan<byte> frame, bool more = false, bool dontWait = false)
    {
        int flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0);
        fixed (byte* p = frame)
        {
            while (true)
            {
                if (zmq_send(Handle, p, (nuint)frame.Length, flags) >= 0) return true;
                int errno = zmq_errno();
                if (errno == EINTR) continue;
                if (errno == EAGAIN) return false;
                throw new ZmqException(errno, "zmq_send");
            }
        }
    }

    /// <summary>Sends one frame, blocking until it is queued (or the send timeout passes: <see cref="TimeoutException"/>).</summary>
    public void Send(ReadOnlySpan<byte> frame, bool more = false)
    {
        if (!TrySend(frame, more)) throw new TimeoutException("zmq_send timed out");
    }

    /// <summary>Sends every frame of <paramref name="frames"/> as one message.</summary>
    public void SendMultipart(IReadOnlyList<ReadOnlyMemory<byte>> frames)
    {
        for (int i = 0; i < frames.Count; i++) Send(frames[i].Span, more: i < frames.Count - 1);
    }

    /// <summary>
    /// Receives one frame into a new array. Returns null when <paramref name="dontWait"/> is set
    /// and nothing is waiting, or when the receive timeout passes.
    /// </summary>
    public byte[]? TryReceiveFrame(out bool more, bool dontWait = false)
    {
        ZmqMsg msg;
        zmq_msg_init(&msg);
        try
        {
            while (zmq_msg_recv(&msg, Handle, dontWait ? ZMQ_DONTWAIT : 0) < 0)
            {
                int errno = zmq_errno();
                if (errno == EINTR) continue;
                more = false;
                if (errno == EAGAIN) return null;
                throw new ZmqException(errno, "zmq_msg_recv");
            }
            more = zmq_msg_more(&msg) != 0;
            return new ReadOnlySpan<byte>(zmq_msg_data(&msg), checked((int)zmq_msg_size(&msg))).ToArray();
        }
        finally
        {
            zmq_msg_close(&msg);
        }
    }

    /// <summary>
    /// Receives all frames of one message, or null as <see cref="TryReceiveFrame"/>. Only the
    /// first <paramref name="maxFrames"/> frames are kept (default 16); when more arrived they
    /// are read and dropped, and <paramref name="truncated"/> is set.
    /// </summary>
    public List<byte[]>? TryReceiveMultipart(out bool truncated, bool dontWait = false, int maxFrames = 16)
    {
        truncated = false;
        byte[]? first = TryReceiveFrame(out bool more, dontWait);
        if (first is null) return null;
        var frames = new List<byte[]> { first };
        while (more)
        {
            // Once the first frame arrived the rest of the message is already queued (atomic delivery).
            byte[] next = TryReceiveFrame(out more)!;
            if (frames.Count < maxFrames) frames.Add(next);
            else truncated = true;
        }
        return frames;
    }

    /// <summary>
    /// Moves one whole message from this socket to <paramref name="destination"/> without
    /// copying frame data (zmq_msg_recv then zmq_msg_send). Returns false when nothing is waiting.
    /// The destination send never blocks; frames it cannot take are dropped (ROUTER semantics).
    /// </summary>
    public bool TryForwardMessage(ZmqSocket destination)
    {
        ZmqMsg msg;
        zmq_msg_init(&msg);
        try
        {
            bool first = true;
            while (true)
            {
                if (zmq_msg_recv(&msg, Handle, first ? ZMQ_DONTWAIT : 0) < 0)
                {
                    int errno = zmq_errno();
                    if (errno == EINTR) continue;
                    if (errno == EAGAIN && first) return false;
                    throw new ZmqException(errno, "zmq_msg_recv");
                }
                first = false;
                bool more = zmq_msg_more(&msg) != 0;
                // On success zmq_msg_send takes the content and leaves msg empty; on failure
                // the frame stays ours and is released by the next recv or the final close.
                if (zmq_msg_send(&msg, destination.Handle, (more ? ZMQ_SNDMORE : 0) | ZMQ_DONTWAIT) < 0)
                {
                    int errno = zmq_errno();
                    if (errno is not (EAGAIN or 113)) throw new ZmqException(errno, "zmq_msg_send");
                }
                if (!more) return true;
            }
        }
        finally
        {
            zmq_msg_close(&msg);
        }
    }

    /// <summary>Closes the socket (zmq_close).</summary>
    public void Dispose() => Handle.Dispose();
}
