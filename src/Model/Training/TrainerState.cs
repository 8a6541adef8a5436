namespace RtfmGym.Model.Training;

/// <summary>What a resumed run needs beyond weights and optimiser moments (train/state.json).</summary>
/// <param name="Step">Steps done.</param>
/// <param name="Seconds">Training time so far, seconds.</param>
/// <param name="Loss">Smoothed loss at <paramref name="Step"/>.</param>
/// <param name="Seed">The run's seed (data and noise continue from it).</param>
/// <param name="BatchSize">Samples per step.</param>
public sealed record TrainerState(long Step, double Seconds, double Loss, ulong Seed, int BatchSize);
