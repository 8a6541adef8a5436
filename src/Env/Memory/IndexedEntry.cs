namespace RtfmGym.Env.Memory;

/// <summary>
/// What the spatial index of a <see cref="SpatialMemory"/> keeps beside each entry: its floor
/// position and the horizontal direction its camera faces. The index stores these side by side
/// per bucket of floor (half the search radius wide), so a query can rank the entries of a neighbourhood (hundreds of them once it is
/// explored) by place and heading from a few contiguous arrays, without visiting each entry object.
/// </summary>
/// <param name="Entry">The entry.</param>
/// <param name="X">Its camera's x, metres (world, y up).</param>
/// <param name="Z">Its camera's z, metres.</param>
/// <param name="ForwardX">x of the direction its camera looks (-Z of its pose, in the world); not normalised after dropping y.</param>
/// <param name="ForwardZ">z of that direction.</param>
public readonly record struct IndexedEntry(MemoryEntry Entry, float X, float Z, float ForwardX, float ForwardZ)
{
    /// <summary>The index's record of <paramref name="entry"/>.</summary>
    public static IndexedEntry Of(MemoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var forward = entry.Pose.Forward;
        return new IndexedEntry(entry, entry.Pose.Position.X, entry.Pose.Position.Z, forward.X, forward.Z);
    }
}
