namespace RtfmGym.Env.Memory;

/// <summary>Buffers for the output of <see cref="PointProjector.ToGrid"/>, reused across the point sets of one retrieval.</summary>
internal sealed class GridScratch(int capacity)
{
    /// <summary>Cell index per point (-1: outside the view).</summary>
    public int[] Cells { get; } = new int[capacity];

    /// <summary>Depth per point, metres.</summary>
    public float[] Depths { get; } = new float[capacity];
}
