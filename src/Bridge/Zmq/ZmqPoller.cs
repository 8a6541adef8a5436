using static RtfmGym.Bridge.Zmq.NativeMethods;

namespace RtfmGym.Bridge.Zmq;

/// <summary>zmq_poll over a fixed set of sockets, for input readiness.</summary>
public static unsafe class ZmqPoller
{
    /// <summary>
    /// Waits until at least one socket has a message to read, or <paramref name="timeoutMs"/>
    /// passes (-1 waits forever). Returns a bit mask: bit i set when <paramref name="sockets"/>[i]
    /// is readable. At most 32 sockets.
    /// </summary>
    public static int PollIn(ReadOnlySpan<ZmqSocket> sockets, int timeoutMs) => PollIn(sockets, -1, timeoutMs);

    /// <summary>
    /// As <see cref="PollIn(ReadOnlySpan{ZmqSocket}, int)"/>, also waiting for the plain file
    /// descriptor <paramref name="fd"/> (for example a socket's <see cref="ZmqSocketOption.Fd"/>)
    /// to become readable: bit <c>sockets.Length</c> of the result. A negative fd is not polled.
    /// </summary>
    public static int PollIn(ReadOnlySpan<ZmqSocket> sockets, int fd, int timeoutMs)
    {
        if (sockets.Length > 31) throw new ArgumentException("At most 31 sockets.", nameof(sockets));
        int count = sockets.Length + (fd >= 0 ? 1 : 0);
        ZmqPollItem* items = stackalloc ZmqPollItem[count];
        Span<bool> added = stackalloc bool[sockets.Length];
        try
        {
            for (int i = 0; i < sockets.Length; i++)
            {
                sockets[i].Handle.DangerousAddRef(ref added[i]);
                items[i] = new ZmqPollItem { Socket = sockets[i].Handle.DangerousGetHandle(), Events = ZMQ_POLLIN };
            }
            if (fd >= 0) items[sockets.Length] = new ZmqPollItem { Fd = fd, Events = ZMQ_POLLIN };
            int rc = zmq_poll(items, count, timeoutMs);
            if (rc < 0)
            {
                int errno = zmq_errno();
                if (errno == EINTR) return 0;
                throw new ZmqException(errno, "zmq_poll");
            }
            int mask = 0;
            for (int i = 0; i < count; i++)
            {
                if ((items[i].Revents & ZMQ_POLLIN) != 0) mask |= 1 << i;
            }
            return mask;
        }
        finally
        {
            for (int i = 0; i < sockets.Length; i++)
            {
                if (added[i]) sockets[i].Handle.DangerousRelease();
            }
        }
    }
}
