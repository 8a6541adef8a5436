namespace RtfmGym.Model.Evaluation;

/// <summary>How far a <see cref="ModelEvaluator"/> run is: <paramref name="Done"/> of <paramref name="Total"/> units (one sample or one drift step each), in <paramref name="Stage"/>.</summary>
public sealed record ModelEvalProgress(int Done, int Total, string Stage);
