namespace RtfmGym.Env.Memory;

/// <summary>
/// Buffers for the output of <see cref="PointProjector.ToGrid"/>, one set per thread, grown as
/// needed and reused by every retrieval on that thread, so that a step allocates none of the tens
/// of kilobytes they take (per thread, because memories cloned for branching rollouts may share a
/// rule across threads). A caller uses them only until it next asks for them.
/// </summary>
internal sealed class GridScratch
{
    [ThreadStatic] private static GridScratch? t_current;

    private GridScratch(int capacity) => (Cells, Depths) = (new int[capacity], new float[capacity]);

    /// <summary>Cell index per point (-1: outside the view).</summary>
    public int[] Cells { get; }

    /// <summary>Depth per point, metres.</summary>
    public float[] Depths { get; }

    /// <summary>This thread's buffers, holding at least <paramref name="capacity"/> points.</summary>
    public static GridScratch For(int capacity)
    {
        GridScratch? current = t_current;
        if (current is null || current.Cells.Length < capacity) t_current = current = new GridScratch(Math.Max(capacity, 2 * (current?.Cells.Length ?? 0)));
        return current;
    }
}
