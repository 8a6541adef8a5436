using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// A bank of posed frames indexed by place and heading, from which a frame source is given
/// context for the view it draws next. See docs/memory.md.
/// <para>Bounded growth: each entry occupies one <see cref="MemorySlot"/> (floor cell and
/// heading bin). Inserting a frame whose slot is taken replaces that entry with a new one
/// (new id, the old id disappears), so the bank grows with the area and headings explored,
/// not with time.</para>
/// <para>Eviction: when an insert into a free slot would exceed
/// <see cref="SpatialMemoryOptions.Capacity"/>, the least recently used entry goes first.
/// An entry is used when it is inserted and each time a retrieval returns it; ties (entries
/// returned by the same retrieval) go to the oldest, the smallest id.</para>
/// <para>Index: a dictionary from slot to entry, and per square bucket of floor (half the search
/// radius wide, at least a cell) the entries in it, with their places and headings in parallel arrays
/// (<see cref="IndexBucket"/>), so a neighbourhood query looks only at the buckets within its radius
/// and reads them from contiguous memory; and a second such index keyed by where each view looks (the
/// floor point <see cref="ViewPointDistance"/> in front of the camera), in squares of
/// <see cref="ViewBucketSize"/>, so a rule that ranks entries by where they look can search outwards
/// from the target's view point and stop early.</para>
/// <para>Not thread-safe: one environment uses it at a time.</para>
/// </summary>
public sealed class SpatialMemory
{
    private readonly Dictionary<MemorySlot, MemoryEntry> _slots = new();
    private readonly Dictionary<(int X, int Z), IndexBucket> _buckets = new();
    private readonly Dictionary<(int X, int Z), IndexBucket> _viewBuckets = new();
    private readonly float _bucketSize;
    private readonly Dictionary<long, MemoryEntry> _byId = new();
    private readonly SortedSet<long> _ids = new();
    private readonly Dictionary<long, long> _lastUse = new();
    private readonly SortedSet<(long Use, long Id)> _byUse = new();
    private long _nextId = 1, _clock;

    /// <summary>An empty memory with <paramref name="options"/> (defaults when null) and retrieval <paramref name="rule"/> (default <see cref="FieldOfViewCoverageRule"/>).</summary>
    public SpatialMemory(SpatialMemoryOptions? options = null, IRetrievalRule? rule = null)
    {
        Options = (options ?? new SpatialMemoryOptions()).Validate();
        // Buckets half the search radius wide: a retrieval's neighbourhood spans at most 5 x 5 of them, so
        // it looks up 25 lists rather than (say) 17 x 17 floor cells, each lookup a likely cache miss.
        _bucketSize = Math.Max(Options.CellSize, Options.SearchRadius / 2);
        Rule = rule ?? new FieldOfViewCoverageRule();
    }

    /// <summary>The validated options: index cell size and search radius (metres), heading bins, capacity and how many entries a retrieval returns.</summary>
    public SpatialMemoryOptions Options { get; }

    /// <summary>
    /// Distance in front of each camera, metres, of the floor point by which entries are also indexed:
    /// where the view looks, about the depth of a room's far wall. The default
    /// <see cref="FieldOfViewCoverageRule.LookAhead"/>, which searches this index when it matches.
    /// </summary>
    public const float ViewPointDistance = 3f;

    /// <summary>Side of the squares of the view-point index, metres: a power of two, so the square of a point is exact.</summary>
    public const float ViewBucketSize = 1f;

    /// <summary>The rule <see cref="Retrieve"/> uses.</summary>
    public IRetrievalRule Rule { get; }

    /// <summary>Entries held now.</summary>
    public int Count => _byId.Count;

    /// <summary>The largest step inserted since the last <see cref="Clear"/> (0 after it); rules measure entry age from it.</summary>
    public int LatestStep { get; private set; }

    /// <summary>
    /// The seed of the world the entries were seen in, when known; null when unknown (an empty
    /// memory, or a file of format version 1). Entries are meaningless in another world, so
    /// <see cref="RtfmEnvironment.PreloadMemory"/> refuses a memory of another world. Set by the
    /// environment at every reset; saved in memory files; reset to null by <see cref="Clear"/>.
    /// </summary>
    public ulong? WorldSeed { get; set; }

    /// <summary>All entries, oldest (smallest id) first.</summary>
    public IEnumerable<MemoryEntry> Entries => _ids.Select(id => _byId[id]);

    /// <summary>The entry with <paramref name="id"/>, if held.</summary>
    public bool TryGet(long id, out MemoryEntry entry) => _byId.TryGetValue(id, out entry!);

    /// <summary>The entry in <paramref name="slot"/>, or null.</summary>
    public MemoryEntry? At(MemorySlot slot) => _slots.GetValueOrDefault(slot);

    /// <summary>
    /// Stores <paramref name="frame"/> seen from <paramref name="pose"/> at <paramref name="step"/>,
    /// replacing the entry in the same slot or, when full, evicting the least recently used one. A frame
    /// of a deeper <paramref name="generationDepth"/> than the slot's entry does not replace it (a model's
    /// frame never overwrites a ground-truth one, nor a frame nearer the truth): that entry stays, counted as used.
    /// </summary>
    /// <returns>The entry that holds the slot afterwards: the new one, or the shallower one kept.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The generation depth is negative.</exception>
    public MemoryEntry Insert(Pose pose, Frame frame, int step, int generationDepth = 0)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(generationDepth);
        var slot = MemorySlot.Of(pose, Options);
        if (_slots.TryGetValue(slot, out MemoryEntry? old))
        {
            if (old.GenerationDepth < generationDepth)
            {
                Touch(old.Id, ++_clock);
                LatestStep = Math.Max(LatestStep, step);
                return old;
            }
            Remove(old);
        }
        else if (Count >= Options.Capacity) Remove(_byId[_byUse.Min.Id]);
        var entry = new MemoryEntry(_nextId++, pose, frame, step, generationDepth);
        Put(entry, slot, ++_clock);
        return entry;
    }

    /// <summary>Entries whose horizontal distance from <paramref name="position"/> is at most <paramref name="radius"/> metres, oldest first. Looks only at the cells the radius reaches.</summary>
    public IReadOnlyList<MemoryEntry> Near(Vector3 position, float radius)
    {
        var found = new List<IndexedEntry>();
        CollectNear(position, radius, found);
        var entries = found.ConvertAll(f => f.Entry);
        entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        return entries;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the entries <see cref="Near"/> returns, with their place and
    /// heading, in no particular order (saves the sort when the caller ranks them anyway; a
    /// deterministic rule must then break ties by id).
    /// </summary>
    public void CollectNear(Vector3 position, float radius, List<IndexedEntry> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var buckets = new List<IndexBucket>();
        BucketsNear(position, radius, buckets);
        foreach (IndexBucket bucket in buckets)
        {
            ReadOnlySpan<float> xs = bucket.X, zs = bucket.Z;
            for (int i = 0; i < xs.Length; i++)
            {
                float dx = xs[i] - position.X, dz = zs[i] - position.Z;
                if (dx * dx + dz * dz <= radius * radius) found.Add(bucket[i]);
            }
        }
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the index's buckets that may hold entries within
    /// <paramref name="radius"/> metres (horizontally) of <paramref name="position"/>: those whose square
    /// comes that close. Their entries farther away are the caller's to skip. For rules that rank a
    /// whole neighbourhood, read straight from the buckets' arrays (<see cref="CollectNear"/> copies each entry out).
    /// </summary>
    public void BucketsNear(Vector3 position, float radius, List<IndexBucket> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (!(radius >= 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be non-negative.");
        float bs = _bucketSize;
        // Squares farther than a millimetre beyond the radius are skipped (the corners of the range often are): the
        // millimetre so that rounding in the squares' edges never drops a bucket with an entry just inside.
        float reach = radius + 1e-3f;
        int x0 = MemorySlot.CellOf(position.X - radius, bs), x1 = MemorySlot.CellOf(position.X + radius, bs);
        int z0 = MemorySlot.CellOf(position.Z - radius, bs), z1 = MemorySlot.CellOf(position.Z + radius, bs);
        // Walk whichever is smaller: the buckets the radius spans or the occupied buckets.
        if ((long)(x1 - x0 + 1) * (z1 - z0 + 1) <= _buckets.Count)
        {
            for (int z = z0; z <= z1; z++)
                for (int x = x0; x <= x1; x++)
                    if (_buckets.TryGetValue((x, z), out var bucket) && Reaches(bucket)) found.Add(bucket);
        }
        else
        {
            foreach (var (key, bucket) in _buckets)
                if (key.X >= x0 && key.X <= x1 && key.Z >= z0 && key.Z <= z1 && Reaches(bucket)) found.Add(bucket);
        }

        bool Reaches(IndexBucket b)
        {
            float dx = Math.Max(0, Math.Max(b.Column * bs - position.X, position.X - (b.Column + 1) * bs));
            float dz = Math.Max(0, Math.Max(b.Row * bs - position.Z, position.Z - (b.Row + 1) * bs));
            return dx * dx + dz * dz <= reach * reach;
        }
    }

    /// <summary>The bucket of the view-point index at (<paramref name="column"/>, <paramref name="row"/>) (x and z over <see cref="ViewBucketSize"/>, floored), or null when none of the entries' view points lies in it.</summary>
    internal IndexBucket? ViewBucket(int column, int row) => _viewBuckets.GetValueOrDefault((column, row));

    /// <summary>The occupied buckets of the view-point index, in no particular order.</summary>
    internal Dictionary<(int X, int Z), IndexBucket>.ValueCollection ViewBuckets => _viewBuckets.Values;

    /// <summary>The <paramref name="k"/> most recently inserted entries, newest first.</summary>
    public IEnumerable<MemoryEntry> Newest(int k) => _ids.Reverse().Take(Math.Max(0, k)).Select(id => _byId[id]);

    /// <summary>
    /// Up to <paramref name="k"/> (default <see cref="SpatialMemoryOptions.RetrieveCount"/>) entries
    /// for the view from <paramref name="target"/>, chosen by <see cref="Rule"/>; marks them used.
    /// </summary>
    public IReadOnlyList<ScoredEntry> Retrieve(Pose target, CameraIntrinsics camera, int? k = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        int count = k ?? Options.RetrieveCount;
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(k), k, "The count must be non-negative.");
        LastRetrievalTime = TimeSpan.Zero;
        if (count == 0 || Count == 0) return [];
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlyList<ScoredEntry> picked = Rule.Select(this, target, camera, count);
        LastRetrievalTime = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        long use = ++_clock;
        foreach (ScoredEntry s in picked) Touch(s.Entry.Id, use);
        return picked;
    }

    /// <summary>
    /// Wall-clock time the last <see cref="Retrieve"/> spent choosing (the rule's <see cref="IRetrievalRule.Select"/>);
    /// zero when it chose nothing (no entries, k = 0) and after <see cref="Clear"/>. For cost reports (memory-eval
    /// splits a step's latency with it); a measurement, not part of the memory's state: never saved or cloned.
    /// </summary>
    public TimeSpan LastRetrievalTime { get; private set; }

    /// <summary>Removes every entry and forgets the <see cref="WorldSeed"/>; ids keep increasing so an old id never names a new entry.</summary>
    public void Clear()
    {
        _slots.Clear(); _buckets.Clear(); _viewBuckets.Clear(); _byId.Clear(); _ids.Clear(); _lastUse.Clear(); _byUse.Clear();
        LatestStep = 0;
        WorldSeed = null;
        LastRetrievalTime = TimeSpan.Zero;
    }

    /// <summary>A copy with the same entries, ids and usage order (entries and frames are shared: they are immutable).</summary>
    public SpatialMemory Clone()
    {
        var copy = new SpatialMemory(Options, Rule);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Replaces this memory's contents with <paramref name="source"/>'s (options must match).</summary>
    internal void CopyFrom(SpatialMemory source)
    {
        if (source.Options != Options) throw new RtfmGymException("Memory contents can only be copied between memories with the same options.");
        Clear();
        foreach (long id in source._ids) Put(source._byId[id], MemorySlot.Of(source._byId[id].Pose, Options), source._lastUse[id]);
        (_nextId, _clock, LatestStep, WorldSeed) = (source._nextId, source._clock, source.LatestStep, source.WorldSeed);
    }

    /// <summary>Usage time of entry <paramref name="id"/> (for the file format).</summary>
    internal long LastUse(long id) => _lastUse[id];

    internal (long NextId, long Clock) Counters => (_nextId, _clock);

    /// <summary>Adds a loaded entry with its id and usage time, refusing duplicates (a corrupt file).</summary>
    internal void Load(MemoryEntry entry, long lastUse)
    {
        var slot = MemorySlot.Of(entry.Pose, Options);
        if (_slots.ContainsKey(slot) || _byId.ContainsKey(entry.Id))
            throw new RtfmGymException($"entry {entry.Id} repeats an id or a slot of another entry");
        if (Count >= Options.Capacity) throw new RtfmGymException($"more entries than the capacity {Options.Capacity}");
        Put(entry, slot, lastUse);
        _nextId = Math.Max(_nextId, entry.Id + 1);
        _clock = Math.Max(_clock, lastUse);
    }

    internal void SetCounters(long nextId, long clock) => (_nextId, _clock) = (Math.Max(_nextId, nextId), Math.Max(_clock, clock));

    private void Put(MemoryEntry entry, MemorySlot slot, long use)
    {
        _slots[slot] = entry;
        AddTo(_buckets, BucketOf(entry.Pose), entry);
        AddTo(_viewBuckets, ViewBucketOf(entry), entry);
        _byId[entry.Id] = entry;
        _ids.Add(entry.Id);
        _lastUse[entry.Id] = use;
        _byUse.Add((use, entry.Id));
        LatestStep = Math.Max(LatestStep, entry.Step);
    }

    private void Remove(MemoryEntry entry)
    {
        var slot = MemorySlot.Of(entry.Pose, Options);
        _slots.Remove(slot);
        RemoveFrom(_buckets, BucketOf(entry.Pose), entry);
        RemoveFrom(_viewBuckets, ViewBucketOf(entry), entry);
        _byId.Remove(entry.Id);
        _ids.Remove(entry.Id);
        _byUse.Remove((_lastUse[entry.Id], entry.Id));
        _lastUse.Remove(entry.Id);
    }

    private (int X, int Z) BucketOf(Pose pose) => (MemorySlot.CellOf(pose.Position.X, _bucketSize), MemorySlot.CellOf(pose.Position.Z, _bucketSize));

    /// <summary>The view-point square of <paramref name="entry"/>, from the same floats, by the same arithmetic, as a ranking's key (<see cref="LookAheadRanking"/>), so the two never disagree about which side of an edge a point lies.</summary>
    private static (int X, int Z) ViewBucketOf(MemoryEntry entry)
    {
        IndexedEntry e = IndexedEntry.Of(entry);
        return (MemorySlot.CellOf(e.X + ViewPointDistance * e.ForwardX, ViewBucketSize), MemorySlot.CellOf(e.Z + ViewPointDistance * e.ForwardZ, ViewBucketSize));
    }

    private static void AddTo(Dictionary<(int X, int Z), IndexBucket> index, (int X, int Z) key, MemoryEntry entry)
    {
        if (!index.TryGetValue(key, out var bucket)) index[key] = bucket = new IndexBucket(key.X, key.Z);
        bucket.Add(entry);
    }

    private static void RemoveFrom(Dictionary<(int X, int Z), IndexBucket> index, (int X, int Z) key, MemoryEntry entry)
    {
        IndexBucket bucket = index[key];
        bucket.Remove(entry);
        if (bucket.Count == 0) index.Remove(key);
    }

    private void Touch(long id, long use)
    {
        _byUse.Remove((_lastUse[id], id));
        _lastUse[id] = use;
        _byUse.Add((use, id));
    }
}
