using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>A memory slot: floor cell (x, z) and heading bin. One entry at most per slot.</summary>
public readonly record struct MemorySlot(int CellX, int CellZ, int HeadingBin)
{
    /// <summary>The slot of <paramref name="pose"/>: its horizontal position (height ignored) and yaw (pitch and roll ignored).</summary>
    public static MemorySlot Of(Pose pose, SpatialMemoryOptions options)
    {
        float turn = (pose.Yaw + MathF.PI) / (2f * MathF.PI); // (0, 1]
        int bin = (int)MathF.Floor(turn * options.HeadingBins) % options.HeadingBins;
        return new MemorySlot(CellOf(pose.Position.X, options.CellSize), CellOf(pose.Position.Z, options.CellSize), bin);
    }

    /// <summary>The cell index of coordinate <paramref name="v"/> (metres).</summary>
    public static int CellOf(float v, float cellSize) => (int)MathF.Floor(v / cellSize);
}
