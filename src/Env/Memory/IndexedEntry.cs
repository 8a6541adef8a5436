namespace RtfmGym.Env.Memory;

/// <summary>
/// An entry with what the spatial index of a <see cref="SpatialMemory"/> keeps beside it: its floor
/// position and the horizontal direction its camera faces (<see cref="SpatialMemory.CollectNear"/>
/// lists these; the index itself keeps them in parallel arrays per <see cref="IndexBucket"/>).
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
