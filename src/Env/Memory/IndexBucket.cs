namespace RtfmGym.Env.Memory;

/// <summary>
/// One square of floor of a <see cref="SpatialMemory"/>'s index: the entries whose cameras stand on it
/// (squares half the search radius wide, at least a cell) or, in the view-point index, whose view points
/// lie on it (squares of <see cref="SpatialMemory.ViewBucketSize"/>); with each camera's floor position
/// and the horizontal direction it faces, in parallel arrays. A rule that ranks a neighbourhood of hundreds
/// of entries reads these as spans, a SIMD register at a time, without visiting an entry object
/// (each one a likely cache miss). Changed only by the memory; the spans are valid until its next change.
/// </summary>
public sealed class IndexBucket
{
    private MemoryEntry[] _entries = new MemoryEntry[4];
    private long[] _ids = new long[4];
    private float[] _x = new float[4], _z = new float[4], _forwardX = new float[4], _forwardZ = new float[4];

    internal IndexBucket(int column, int row) => (Column, Row) = (column, row);

    /// <summary>Column of the square: it spans x from Column * side to (Column + 1) * side, metres.</summary>
    public int Column { get; }

    /// <summary>Row of the square: it spans z from Row * side to (Row + 1) * side, metres.</summary>
    public int Row { get; }

    /// <summary>Entries in the square.</summary>
    public int Count { get; private set; }

    /// <summary>The entries, in no particular order (the same order as the other spans).</summary>
    public ReadOnlySpan<MemoryEntry> Entries => _entries.AsSpan(0, Count);

    /// <summary>Their ids.</summary>
    public ReadOnlySpan<long> Ids => _ids.AsSpan(0, Count);

    /// <summary>Their cameras' x, metres (world, right-handed, y up).</summary>
    public ReadOnlySpan<float> X => _x.AsSpan(0, Count);

    /// <summary>Their cameras' z, metres.</summary>
    public ReadOnlySpan<float> Z => _z.AsSpan(0, Count);

    /// <summary>x of the direction each camera looks (-Z of its pose, in the world), not normalised after dropping y.</summary>
    public ReadOnlySpan<float> ForwardX => _forwardX.AsSpan(0, Count);

    /// <summary>z of that direction.</summary>
    public ReadOnlySpan<float> ForwardZ => _forwardZ.AsSpan(0, Count);

    /// <summary>Entry <paramref name="i"/> with its place and heading.</summary>
    public IndexedEntry this[int i] => (uint)i < (uint)Count
        ? new IndexedEntry(_entries[i], _x[i], _z[i], _forwardX[i], _forwardZ[i])
        : throw new ArgumentOutOfRangeException(nameof(i), i, $"The bucket holds {Count} entries.");

    internal void Add(MemoryEntry entry)
    {
        if (Count == _entries.Length) Grow();
        IndexedEntry e = IndexedEntry.Of(entry);
        (_entries[Count], _ids[Count], _x[Count], _z[Count], _forwardX[Count], _forwardZ[Count]) = (entry, entry.Id, e.X, e.Z, e.ForwardX, e.ForwardZ);
        Count++;
    }

    /// <summary>Removes <paramref name="entry"/> by moving the last entry into its place (order carries no meaning).</summary>
    internal void Remove(MemoryEntry entry)
    {
        int i = Array.IndexOf(_entries, entry, 0, Count);
        if (i < 0) throw new InvalidOperationException($"Entry {entry.Id} is not in bucket ({Column}, {Row}).");
        int last = --Count;
        (_entries[i], _ids[i], _x[i], _z[i], _forwardX[i], _forwardZ[i]) = (_entries[last], _ids[last], _x[last], _z[last], _forwardX[last], _forwardZ[last]);
        _entries[last] = null!; // let go of the entry
    }

    private void Grow()
    {
        int size = _entries.Length * 2;
        Array.Resize(ref _entries, size);
        Array.Resize(ref _ids, size);
        Array.Resize(ref _x, size);
        Array.Resize(ref _z, size);
        Array.Resize(ref _forwardX, size);
        Array.Resize(ref _forwardZ, size);
    }
}
