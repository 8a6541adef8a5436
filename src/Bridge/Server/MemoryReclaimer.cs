using System.Runtime;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// Gives memory back to the system after clients let go of it. The GC keeps freed heap for
/// reuse, so after a burst (many environments, large requests) the process would stay at its
/// peak; once environments have closed or large requests are done, and the server is not busy,
/// one compacting collection returns the space. Rate-limited, as it pauses every thread briefly.
/// </summary>
internal sealed class MemoryReclaimer
{
    /// <summary>Request bytes freed that make a compaction worthwhile even without a closed environment.</summary>
    public const long FreedBytesWorthCompacting = 64L << 20;

    private static readonly long MinIntervalMs = 2000;

    private long _closedEnvs;
    private long _freedBytes;
    private long _lastMs = Environment.TickCount64 - MinIntervalMs;

    /// <summary>Environments closed since the last compaction (any thread).</summary>
    public void EnvironmentsClosed(int count) => Interlocked.Add(ref _closedEnvs, count);

    /// <summary>
    /// A request of <paramref name="bytes"/> let go of (any thread). Only large ones count: small
    /// requests live and die in the young generation and leave no grown heap behind.
    /// </summary>
    public void RequestFreed(int bytes)
    {
        if (bytes >= LargeRequestBytes) Interlocked.Add(ref _freedBytes, bytes);
    }

    /// <summary>Requests this large land on the large object heap, which only a compaction gives back.</summary>
    public const int LargeRequestBytes = 85_000;

    /// <summary>Compacts when something worth it was freed and none was in the last 2 s; true when it did.</summary>
    public bool MaybeCompact(bool idle)
    {
        long now = Environment.TickCount64;
        if (!idle || now - _lastMs < MinIntervalMs) return false;
        if (Interlocked.Read(ref _closedEnvs) == 0 && Interlocked.Read(ref _freedBytes) < FreedBytesWorthCompacting) return false;
        Interlocked.Exchange(ref _closedEnvs, 0);
        Interlocked.Exchange(ref _freedBytes, 0);
        _lastMs = now;
        Compact();
        return true;
    }

    /// <summary>A full, compacting collection including the large object heap, decommitting what it frees.</summary>
    public static void Compact()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
