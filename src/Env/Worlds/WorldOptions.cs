namespace RtfmGym.Env.Worlds;

/// <summary>
/// Settings of the procedural world generator. Immutable; validated by <see cref="Validate"/>
/// (called by the generator). Sizes in metres.
/// </summary>
public sealed record WorldOptions
{
    /// <summary>Generator seed: the same seed and options give the same world on every machine. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Number of rooms, 1 to 12. Default 4.</summary>
    public int Rooms { get; init; } = 4;

    /// <summary>Smallest room side, metres (at least 2). Default 3.</summary>
    public float MinRoomSize { get; init; } = 3f;

    /// <summary>Largest room side, metres (at most 12). Default 6.</summary>
    public float MaxRoomSize { get; init; } = 6f;

    /// <summary>Floor-to-ceiling height, metres (2 to 5). Default 2.7.</summary>
    public float CeilingHeight { get; init; } = 2.7f;

    /// <summary>Most furniture props per room, 0 to 8. Default 3.</summary>
    public int MaxPropsPerRoom { get; init; } = 3;

    /// <summary>Corridor width, metres (0.75 to 3). Default 1.</summary>
    public float CorridorWidth { get; init; } = 1f;

    /// <summary>Layout cell side, metres (also the wall thickness). Default 0.25.</summary>
    public float CellSize { get; init; } = 0.25f;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public WorldOptions Validate()
    {
        Check(Rooms is >= 1 and <= 12, nameof(Rooms), Rooms, "1 to 12");
        Check(MinRoomSize >= 2f && MinRoomSize <= 12f, nameof(MinRoomSize), MinRoomSize, "2 to 12 metres");
        Check(MaxRoomSize >= MinRoomSize && MaxRoomSize <= 12f, nameof(MaxRoomSize), MaxRoomSize, $"{MinRoomSize} to 12 metres");
        Check(CeilingHeight is >= 2f and <= 5f, nameof(CeilingHeight), CeilingHeight, "2 to 5 metres");
        Check(MaxPropsPerRoom is >= 0 and <= 8, nameof(MaxPropsPerRoom), MaxPropsPerRoom, "0 to 8");
        Check(CellSize is >= 0.1f and <= 0.5f, nameof(CellSize), CellSize, "0.1 to 0.5 metres");
        Check(CorridorWidth >= 0.75f && CorridorWidth <= 3f && CorridorWidth >= 2 * CellSize, nameof(CorridorWidth), CorridorWidth, "0.75 to 3 metres and at least two cells");
        return this;
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok) throw new ArgumentException($"World option {name} = {value} is outside {range}.", name);
    }
}
