namespace RtfmGym.Model.Training;

/// <summary>Where a training run stands, reported after every step.</summary>
/// <param name="Step">Steps done (including those of resumed runs).</param>
/// <param name="TotalSteps">Steps the run goes to.</param>
/// <param name="Loss">Smoothed loss (exponential average over about 50 steps).</param>
/// <param name="StepsPerSecond">Recent speed.</param>
/// <param name="Remaining">Estimated time left.</param>
/// <param name="LearningRate">The rate of the last step.</param>
public sealed record TrainProgress(long Step, long TotalSteps, double Loss, double StepsPerSecond, TimeSpan Remaining, double LearningRate);
