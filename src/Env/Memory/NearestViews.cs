using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// Finds the entries <see cref="FieldOfViewCoverageRule"/> examines: the <c>limit</c> first by
/// <see cref="LookAheadRanking"/> (within the search radius, facing the target's way, view points
/// nearest the target's), in key order. Two searches give the same list:
/// <see cref="ByViewPoint(SpatialMemory, Pose, int)"/> walks the memory's view-point index in rings outwards from the target's
/// view point and stops as soon as no entry farther out can rank among the first; it reads a few
/// hundred entries of a full neighbourhood where <see cref="ByPosition"/> reads all within the search
/// radius (about a thousand after a long walk), and serves any look-ahead distance.
/// </summary>
internal static class NearestViews
{
    // A millimetre given away at every square's edge, so that rounding in the edges' positions never
    // lets the search stop before an entry just outside them.
    private const float EdgeMargin = 1e-3f;

    // Per thread (memories cloned for branching rollouts may share a rule across threads), so that a
    // step allocates nothing in proportion to the neighbourhood.
    [ThreadStatic] private static List<IndexBucket>? t_buckets;
    [ThreadStatic] private static ulong[]? t_keys;
    [ThreadStatic] private static MemoryEntry[]? t_items;

    /// <summary>The entries, by a scan of every entry within the search radius (any <paramref name="lookAhead"/>).</summary>
    public static List<MemoryEntry> ByPosition(SpatialMemory memory, Pose target, float lookAhead, int limit)
    {
        float radius = memory.Options.SearchRadius;
        List<IndexBucket> buckets = t_buckets ??= [];
        buckets.Clear();
        memory.BucketsNear(target.Position, radius, buckets);
        var ranking = new LookAheadRanking(target, radius, lookAhead);
        int n = 0;
        foreach (IndexBucket b in buckets) n = Add(ranking, b, n);
        buckets.Clear();
        return Take(n, n, limit);
    }

    /// <summary>The entries, by a search of the view-point index (look-ahead <see cref="SpatialMemory.ViewPointDistance"/>).</summary>
    public static List<MemoryEntry> ByViewPoint(SpatialMemory memory, Pose target, int limit) => ByViewPoint(memory, target, limit, out _);

    /// <summary>As <see cref="ByViewPoint(SpatialMemory, Pose, int)"/>; <paramref name="read"/>: how many entries of the index it read.</summary>
    public static List<MemoryEntry> ByViewPoint(SpatialMemory memory, Pose target, int limit, out int read)
    {
        float radius = memory.Options.SearchRadius, side = SpatialMemory.ViewBucketSize;
        var ranking = new LookAheadRanking(target, radius, SpatialMemory.ViewPointDistance);
        float lookX = ranking.LookX, lookZ = ranking.LookZ;
        int cx = MemorySlot.CellOf(lookX, side), cz = MemorySlot.CellOf(lookZ, side);
        // Every entry that can be kept has its view point within this of the target's: its camera within the
        // radius, and its forward (at most unit length) within 90 degrees of the target's, so the two differ by at most sqrt 2.
        float farthest = radius + SpatialMemory.ViewPointDistance * MathF.Sqrt(2) + EdgeMargin;
        int n = 0, written = 0, seen = 0;
        for (int r = 0; ; r++)
        {
            if ((long)(2 * r + 1) * (2 * r + 1) >= memory.ViewBuckets.Count)
            {
                // The next block would span more squares than are occupied: read every occupied one it has not read yet, and stop.
                foreach (IndexBucket b in memory.ViewBuckets)
                    if (Math.Max(Math.Abs(b.Column - cx), Math.Abs(b.Row - cz)) >= r) (n, written) = ReadBucket(ranking, ref seen, b, n, written);
                break;
            }
            if (r == 0) (n, written) = ReadBucket(ranking, ref seen, memory.ViewBucket(cx, cz), n, written);
            for (int i = -r; i <= r && r > 0; i++)
            {
                (n, written) = ReadBucket(ranking, ref seen, memory.ViewBucket(cx + i, cz - r), n, written);
                (n, written) = ReadBucket(ranking, ref seen, memory.ViewBucket(cx + i, cz + r), n, written);
                if (i == -r || i == r) continue;
                (n, written) = ReadBucket(ranking, ref seen, memory.ViewBucket(cx - r, cz + i), n, written);
                (n, written) = ReadBucket(ranking, ref seen, memory.ViewBucket(cx + r, cz + i), n, written);
            }
            // Only the first `limit` so far can still be among the first `limit` overall; they come out sorted, the last the farthest.
            if (n >= limit)
            {
                SmallestKeys.MoveToFront(t_keys.AsSpan(0, n), t_items.AsSpan(0, n), limit);
                n = limit;
            }
            // Every view point not read yet lies outside the block of squares read so far, so at least this far from the target's.
            float edge = Math.Min(Math.Min(lookX - (cx - r) * side, (cx + r + 1) * side - lookX), Math.Min(lookZ - (cz - r) * side, (cz + r + 1) * side - lookZ)) - EdgeMargin;
            if (edge >= farthest) break;
            if (n == limit && edge > 0 && LookAheadRanking.DistanceSquaredOf(t_keys![limit - 1]) <= edge * edge) break;
        }
        read = seen;
        return Take(n, written, limit);
    }

    /// <summary>Ranks a bucket's entries into the scratch (none when null), counting what it read and the places written.</summary>
    private static (int N, int Written) ReadBucket(LookAheadRanking ranking, ref int read, IndexBucket? bucket, int n, int written)
    {
        if (bucket is null) return (n, written);
        read += bucket.Count;
        n = Add(ranking, bucket, n);
        return (n, Math.Max(written, n));
    }

    /// <summary>Appends the bucket's kept entries to the scratch after its first <paramref name="n"/>, growing it as needed.</summary>
    private static int Add(LookAheadRanking ranking, IndexBucket bucket, int n)
    {
        if ((t_keys?.Length ?? 0) < n + bucket.Count)
        {
            int size = Math.Max(2 * (t_keys?.Length ?? 0), n + bucket.Count);
            Array.Resize(ref t_keys, size);
            Array.Resize(ref t_items, size);
        }
        return n + ranking.Write(bucket, t_keys.AsSpan(n), t_items.AsSpan(n));
    }

    /// <summary>The first <paramref name="limit"/> of the <paramref name="n"/> in the scratch, in key order; lets go of the <paramref name="written"/> places used.</summary>
    private static List<MemoryEntry> Take(int n, int written, int limit)
    {
        Span<ulong> keys = t_keys.AsSpan(0, n);
        Span<MemoryEntry> items = t_items.AsSpan(0, n);
        // In key order even when all are kept: the surface guess must not depend on the order the index lists entries in.
        SmallestKeys.MoveToFront(keys, items, limit);
        var examined = new List<MemoryEntry>(Math.Min(n, limit));
        examined.AddRange(items[..examined.Capacity]);
        t_items.AsSpan(0, written).Clear(); // the scratch must not keep entries alive after they leave the memory
        return examined;
    }
}
