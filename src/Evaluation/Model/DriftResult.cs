namespace RtfmGym.Evaluation.Model;

/// <summary>
/// Drift of the autoregressive rollout: along a path that never comes back (<see cref="DriftPath"/>),
/// every generated frame enters the spatial memory and serves as context for later ones, as in the
/// environment with the model frame source. Beside it, the reference: the same path and retrieval with
/// the memory holding ground-truth frames and the same noise per step, so the gap between the two is what
/// feeding back the model's own frames costs. PSNR capped per step at <see cref="ModelEvaluator.PsnrCap"/> dB.
/// </summary>
/// <param name="WorldSeed">The held-out world walked.</param>
/// <param name="Steps">Generated steps (fewer than asked when the world's longest path is shorter).</param>
/// <param name="PathMetres">Distance walked, metres.</param>
/// <param name="Points">Figures at the reported steps (1, 10, 25, 50, 100, 200 and the last, where reached).</param>
/// <param name="MeanPsnr">Mean PSNR over all steps, dB.</param>
/// <param name="MeanSsim">Mean SSIM over all steps.</param>
/// <param name="MeanGmr">Mean GMR over all steps.</param>
/// <param name="CollapsedFrames">Steps whose frame collapsed towards one colour (<see cref="RtfmGym.Imaging.SharpnessMetrics.IsCollapsed"/>).</param>
/// <param name="MeanGroundTruthContextPsnr">Mean PSNR of the ground-truth-memory reference, dB; null when not measured.</param>
/// <param name="MeanGapDb">Mean over all steps of reference PSNR minus autoregressive PSNR, dB; null when not measured.</param>
/// <param name="MaxGapDb">The largest per-step gap, dB; null when not measured.</param>
/// <param name="PerStepPsnr">PSNR at steps 1..<paramref name="Steps"/>, dB.</param>
/// <param name="PerStepGmr">GMR at steps 1..<paramref name="Steps"/>.</param>
/// <param name="PerStepGroundTruthContextPsnr">The reference's PSNR at steps 1..<paramref name="Steps"/>, dB; null when not measured.</param>
/// <param name="MeanLagSteps">Mean over all steps of how many steps behind the camera the generated frame is (the ground truth it resembles most, up to 30 steps back): 0 for a rollout that follows the camera.</param>
/// <param name="ReferenceMeanLagSteps">The same lag for the ground-truth-memory reference; null when not measured. Lag there is the model's own response to motion; lag only in the rollout comes from feeding back its frames.</param>
/// <param name="MeanDepthAbsRel">Mean over all steps of the generated depth's error against the truth (<see cref="RtfmGym.Imaging.DepthMetrics.AbsRel"/>); null when the model draws no depth. The copy path places what it reads by this depth, so a rollout whose depth does not follow the camera loses its steps forward.</param>
/// <param name="FirstStepDepthAbsRel">That error at step 1, drawn from ground-truth views only; null when the model draws no depth.</param>
/// <param name="ReferenceMeanDepthAbsRel">The mean depth error of the ground-truth-memory reference; null when not measured or without depth.</param>
public sealed record DriftResult(ulong WorldSeed, int Steps, double PathMetres, IReadOnlyList<DriftPoint> Points, double MeanPsnr, double MeanSsim,
    double MeanGmr, int CollapsedFrames, double? MeanGroundTruthContextPsnr, double? MeanGapDb, double? MaxGapDb,
    IReadOnlyList<double> PerStepPsnr, IReadOnlyList<double> PerStepGmr, IReadOnlyList<double>? PerStepGroundTruthContextPsnr, double MeanLagSteps,
    double? ReferenceMeanLagSteps, double? MeanDepthAbsRel = null, double? FirstStepDepthAbsRel = null, double? ReferenceMeanDepthAbsRel = null);
