namespace RtfmGym.Model.Checkpoints;

/// <summary>What a checkpoint's training run reached, saved in its config.json.</summary>
/// <param name="Steps">Optimiser steps taken.</param>
/// <param name="Loss">Smoothed training loss at the last step (mean squared error in network units).</param>
/// <param name="Seconds">Wall-clock training time summed over resumed runs, seconds.</param>
/// <param name="BatchSize">Samples per step.</param>
/// <param name="Device">Where it trained ("cpu", "cuda").</param>
/// <param name="Machine">CPU or GPU model it trained on.</param>
public sealed record TrainingSummary(long Steps, double Loss, double Seconds, int BatchSize, string Device, string Machine);
