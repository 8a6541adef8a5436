namespace RtfmGym.Model.Evaluation;

/// <summary>
/// Drift of the autoregressive rollout (metrics item 3): along a path that never comes back
/// (<see cref="DriftPath"/>), every generated frame enters the spatial memory and serves as context
/// for later ones, as in the environment with the model frame source. Beside it, the reference: the
/// same path and retrieval with the memory holding ground-truth frames, so the gap between the two is
/// what feeding back the model's own frames costs. PSNR capped per step at <see cref="ModelEvaluator.PsnrCap"/> dB.
/// </summary>
/// <param name="WorldSeed">The held-out world walked.</param>
/// <param name="Steps">Generated steps (fewer than asked when the world's longest path is shorter).</param>
/// <param name="PathMetres">Distance walked, metres.</param>
/// <param name="Points">Figures at the reported steps (1, 10, 25, 50, 100, 200 and the last, where reached).</param>
/// <param name="MeanPsnr">Mean PSNR over all steps, dB.</param>
/// <param name="MeanSsim">Mean SSIM over all steps.</param>
/// <param name="MeanGroundTruthContextPsnr">Mean PSNR of the ground-truth-context reference, dB; null when not measured.</param>
/// <param name="PerStepPsnr">PSNR at steps 1..<paramref name="Steps"/>, dB.</param>
/// <param name="PerStepGroundTruthContextPsnr">The reference's PSNR at steps 1..<paramref name="Steps"/>, dB; null when not measured.</param>
public sealed record DriftResult(ulong WorldSeed, int Steps, double PathMetres, IReadOnlyList<DriftPoint> Points, double MeanPsnr, double MeanSsim,
    double? MeanGroundTruthContextPsnr, IReadOnlyList<double> PerStepPsnr, IReadOnlyList<double>? PerStepGroundTruthContextPsnr);
