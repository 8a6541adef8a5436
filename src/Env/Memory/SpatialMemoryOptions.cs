namespace RtfmGym.Env.Memory;

/// <summary>
/// Settings of a <see cref="SpatialMemory"/>; immutable and checked on construction.
/// A slot is one (cell x, cell z, heading bin): the floor is cut into square cells of
/// <see cref="CellSize"/> metres and the heading (yaw) into <see cref="HeadingBins"/> equal bins.
/// </summary>
public sealed record SpatialMemoryOptions
{
    /// <summary>Side of a floor cell, metres. Default 0.5.</summary>
    public float CellSize { get; init; } = 0.5f;

    /// <summary>Number of equal heading bins over the full turn. Default 12 (30 degrees each).</summary>
    public int HeadingBins { get; init; } = 12;

    /// <summary>Most entries held; past it the least recently used entry is evicted (see <see cref="SpatialMemory"/>). Default 4096.</summary>
    public int Capacity { get; init; } = 4096;

    /// <summary>Entries retrieved for each frame the environment observes. Default 8.</summary>
    public int RetrieveCount { get; init; } = 8;

    /// <summary>Horizontal distance from the target within which entries are candidates for retrieval, metres. Default 4.</summary>
    public float SearchRadius { get; init; } = 4f;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public SpatialMemoryOptions Validate()
    {
        if (!(CellSize is > 0.01f and <= 100f)) throw new ArgumentOutOfRangeException(nameof(CellSize), CellSize, "Cell size must be in (0.01, 100] metres.");
        if (HeadingBins is < 1 or > 360) throw new ArgumentOutOfRangeException(nameof(HeadingBins), HeadingBins, "Heading bins must be 1 to 360.");
        if (Capacity is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "Capacity must be 1 to 1,000,000 entries.");
        if (RetrieveCount is < 0 or > 1024) throw new ArgumentOutOfRangeException(nameof(RetrieveCount), RetrieveCount, "Retrieve count must be 0 to 1024.");
        if (!(SearchRadius is > 0f and <= 1000f)) throw new ArgumentOutOfRangeException(nameof(SearchRadius), SearchRadius, "Search radius must be in (0, 1000] metres.");
        return this;
    }
}
