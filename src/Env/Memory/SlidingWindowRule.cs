using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// The baseline: the last K entries inserted, newest first, whatever the target pose.
/// Score = -(age in steps), age measured from <see cref="SpatialMemory.LatestStep"/>.
/// </summary>
public sealed class SlidingWindowRule : IRetrievalRule
{
    /// <inheritdoc/>
    public string Name => "sliding-window";

    /// <inheritdoc/>
    public IReadOnlyList<ScoredEntry> Select(SpatialMemory memory, Pose target, CameraIntrinsics camera, int k) =>
        memory.Newest(k).Select(e => new ScoredEntry(e, -(double)(memory.LatestStep - e.Step))).ToArray();
}
