using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// Chooses the entries of a <see cref="SpatialMemory"/> worth showing a frame source that is
/// about to draw the view from a target pose. Rules read the memory through its queries
/// (<see cref="SpatialMemory.Near"/>, <see cref="SpatialMemory.Newest"/>) so that none scans
/// the whole bank. Implementations must be deterministic: ties are broken by entry id.
/// </summary>
public interface IRetrievalRule
{
    /// <summary>A short name for logs ("fov-coverage", "nearest-pose", "sliding-window").</summary>
    string Name { get; }

    /// <summary>At most <paramref name="k"/> entries for the view from <paramref name="target"/> through <paramref name="camera"/>, best first.</summary>
    IReadOnlyList<ScoredEntry> Select(SpatialMemory memory, Pose target, CameraIntrinsics camera, int k);
}
