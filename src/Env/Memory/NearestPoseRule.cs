using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// The entries closest to the target pose: cost = distance (metres, 3D) + <see cref="AngleWeight"/> *
/// orientation difference (radians); score = -cost. Candidates are those within the memory's
/// search radius.
/// </summary>
public sealed class NearestPoseRule : IRetrievalRule
{
    /// <summary>Creates the rule; <paramref name="angleWeight"/> in metres per radian, default 0.5.</summary>
    public NearestPoseRule(double angleWeight = 0.5)
    {
        if (!(angleWeight >= 0)) throw new ArgumentOutOfRangeException(nameof(angleWeight), angleWeight, "The angle weight must be non-negative.");
        AngleWeight = angleWeight;
    }

    /// <summary>Metres of distance one radian of turn is worth. Default 0.5.</summary>
    public double AngleWeight { get; }

    /// <inheritdoc/>
    public string Name => "nearest-pose";

    /// <inheritdoc/>
    public IReadOnlyList<ScoredEntry> Select(SpatialMemory memory, Pose target, CameraIntrinsics camera, int k) =>
        memory.Near(target.Position, memory.Options.SearchRadius)
            .Select(e => new ScoredEntry(e, -((e.Pose.Position - target.Position).Length() + AngleWeight * target.AngleTo(e.Pose))))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Entry.Id)
            .Take(k)
            .ToArray();
}
