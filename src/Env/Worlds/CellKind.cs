namespace RtfmGym.Env.Worlds;

/// <summary>What fills one layout cell of a world, floor to ceiling.</summary>
public enum CellKind : byte
{
    /// <summary>Solid: a wall from floor to ceiling (also everything outside the building).</summary>
    Wall = 0,

    /// <summary>Open floor belonging to a room or corridor.</summary>
    Floor = 1,
}
