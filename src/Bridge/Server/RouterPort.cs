using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// The server's ROUTER socket, shared by its threads under one lock: any thread sends its own
/// replies and receives what has arrived, and the leader waits on <see cref="Fd"/> (a plain
/// descriptor, so waiting needs no lock). ZeroMQ allows a socket to move between threads
/// with a full memory barrier between uses, which the lock gives.
/// </summary>
internal sealed class RouterPort(ZmqSocket router, int maxEnvelopeFrames) : IDisposable
{
    private const int MaxDrain = 512;

    private readonly object _lock = new();
    private volatile bool _moreInput;

    /// <summary>The socket's notification descriptor: readable when input may have arrived.</summary>
    public int Fd { get; } = router.GetInt(ZmqSocketOption.Fd);

    /// <summary>True when the last drain stopped at its cap with messages left: drain again before waiting.</summary>
    public bool HasMoreInput => _moreInput;

    /// <summary>
    /// Receives every waiting message (up to a cap per call) and passes each to
    /// <paramref name="onMessage"/> (frames, and whether it had more than the envelope limit),
    /// holding the lock, so the callback may <see cref="Send"/>. The descriptor only signals
    /// again after a receive has found nothing, so this always reads until nothing is left or
    /// records that something is.
    /// </summary>
    public void Drain(Action<List<byte[]>, bool> onMessage)
    {
        lock (_lock)
        {
            for (int n = 0; n < MaxDrain; n++)
            {
                // The ROUTER's routing-id frame, the client's envelope, then the request.
                var frames = router.TryReceiveMultipart(out bool truncated, dontWait: true, maxFrames: 1 + maxEnvelopeFrames + 1);
                if (frames is null)
                {
                    _moreInput = false;
                    return;
                }
                onMessage(frames, truncated);
            }
            _moreInput = true;
        }
    }

    /// <summary>Runs <paramref name="action"/> holding the lock that receiving holds (for state receiving changes).</summary>
    public void Exclusive(Action action)
    {
        lock (_lock) action();
    }

    /// <summary>
    /// Sends a reply without blocking: a client that does not read its replies loses them
    /// (ROUTER drops at the high-water mark), which keeps one slow reader from stalling others.
    /// </summary>
    public void Send(IReadOnlyList<byte[]> envelope, ReadOnlySpan<byte> payload)
    {
        lock (_lock)
        {
            foreach (byte[] frame in envelope)
            {
                if (!router.TrySend(frame, more: true, dontWait: true)) return;
            }
            router.TrySend(payload, more: false, dontWait: true);
        }
    }

    public void Dispose()
    {
        lock (_lock) router.Dispose();
    }
}
