namespace RtfmGym.Evaluation;

/// <summary>
/// How far one stage of an evaluation has come: <paramref name="Done"/> of <paramref name="Total"/> units of
/// <paramref name="Stage"/> (frames drawn, samples scored, steps taken). Each stage counts from 0 on its own, so a
/// display can give every stage its own bar.
/// </summary>
/// <param name="Stage">What the stage does, in words (e.g. "drift rollout"); the same text for all of a stage's reports.</param>
/// <param name="Done">Units done, 0 to <paramref name="Total"/>.</param>
/// <param name="Total">Units of the stage, at least 1.</param>
public sealed record EvaluationProgress(string Stage, long Done, long Total);
