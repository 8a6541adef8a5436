using RtfmGym.Env.Frames;

namespace RtfmGym.Evaluation.Model;

/// <summary>One row of the comparison image: the context views, then the model's frame, the nearest-frame copy and the ground truth.</summary>
public sealed record ComparisonRow(string Label, IReadOnlyList<Frame> Context, Frame Model, Frame Nearest, Frame Truth);
