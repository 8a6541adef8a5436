using RtfmGym.Env.Frames;

namespace RtfmGym.Evaluation.Model;

/// <summary>Frames of the drift rollout for the comparison image: the generated frame over the ground truth at each of <paramref name="Steps"/>.</summary>
public sealed record DriftStrip(IReadOnlyList<int> Steps, IReadOnlyList<Frame> Generated, IReadOnlyList<Frame> Truth);
