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
    private long _queuedBytes;

    public byte[] Identity { get; } = identity;

    /// <summary>Short printable name for logs (hex of the routing id).</summary>
    public string Name { get; } = Convert.ToHexString(identity.AsSpan(0, Math.Min(8, identity.Length))).ToLowerInvariant();

    /// <summary>Environment.TickCount64 of the last message (receiving thread, under the router lock).</summary>
    public long LastSeenMs { get; set; }

    /// <summary>Environments by id (touched only by the worker running this session).</summary>
    public Dictionary<long, EnvSlot> Envs { get; } = [];

    public ConcurrentQueue<WorkItem> Queue { get; } = new();

    /// <summary>A request started but not finished (a step_batch between slices); runs before the queue.</summary>
    public WorkItem? Current { get; set; }

    /// <summary>Requests queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Bytes of requests queued or running.</summary>
    public long QueuedBytes => Volatile.Read(ref _queuedBytes);

    /// <summary>Queues an item; true when the session must be handed to a worker (it was idle).</summary>
    public bool Enqueue(WorkItem item)
    {
        Interlocked.Increment(ref _pending);
        Interlocked.Add(ref _queuedBytes, item.Bytes);
        Queue.Enqueue(item);
        return Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }

    /// <summary>The next item to run: the unfinished one first, then the queue's head.</summary>
    public bool TryTake(out WorkItem item)
    {
        if (Current is { } current)
        {
            Current = null;
            item = current;
            return true;
        }
        return Queue.TryDequeue(out item!);
    }

    /// <summary>Marks <paramref name="item"/> done: it no longer counts as pending or queued.</summary>
    public void Completed(WorkItem item)
    {
        Interlocked.Decrement(ref _pending);
        Interlocked.Add(ref _queuedBytes, -item.Bytes);
    }

    /// <summary>Called by the worker when it stops draining; true when it must reschedule (work is left).</summary>
    public bool Release()
    {
        Volatile.Write(ref _scheduled, 0);
        return (Current is not null || !Queue.IsEmpty) && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;
    }
}
