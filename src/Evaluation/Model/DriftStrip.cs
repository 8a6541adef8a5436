using RtfmGym.Env.Frames;

namespace RtfmGym.Evaluation.Model;

/// <summary>Frames of the drift rollout for the comparison image: the generated frame over the ground truth at each of <paramref name="Steps"/>.</summary>
public sealed record DriftStrip(IReadOnlyList<int> Steps, IReadOnlyList<Frame> Generated, IReadOnlyList<Frame> Truth)
{
    /// <summary>The frames of the walk with the world's capture in memory (<see cref="CapturedDrift"/>) at the same steps; null when not walked.</summary>
    public IReadOnlyList<Frame>? Captured { get; init; }
}
