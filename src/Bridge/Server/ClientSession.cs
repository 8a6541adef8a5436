using System.Collections.Concurrent;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// One client (one ROUTER routing id) and what it owns. Requests are queued here and run by
/// one worker at a time, in arrival order, so a client's calls on its environments never race.
/// </summary>
internal sealed class ClientSession(byte[] identity)
{
    private int _scheduled;
    private int _pending;

    public byte[] Identity { get; } = identity;

    /// <summary>Short printable name for logs (hex of the routing id).</summary>
    public string Name { get; } = Convert.ToHexString(identity.AsSpan(0, Math.Min(8, identity.Length))).ToLowerInvariant();

    /// <summary>Environment.TickCount64 of the last message (I/O thread only).</summary>
    public long LastSeenMs { get; set; }

    /// <summary>Environments by id (touched only by the worker running this session).</summary>
    public Dictionary<long, EnvSlot> Envs { get; } = [];

    public ConcurrentQueue<WorkItem> Queue { get; } = new();

    /// <summary>Requests queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues an item; true when the session must be handed to a worker (it was idle).</summary>
    public bool Enqueue(WorkItem item)
    {
        Interlocked.Increment(ref _pending);
        Queue.Enqueue(item);
        return Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }

    public void Completed() => Interlocked.Decrement(ref _pending);

    /// <summary>Called by the worker when it stops draining; true when it must reschedule (items arrived meanwhile).</summary>
    public bool Release()
    {
        Volatile.Write(ref _scheduled, 0);
        return !Queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }
}
