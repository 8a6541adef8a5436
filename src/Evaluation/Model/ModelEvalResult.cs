namespace RtfmGym.Evaluation.Model;

/// <summary>What <see cref="ModelEvaluator.Run"/> measured.</summary>
/// <param name="Preset">The model's preset name.</param>
/// <param name="ImageSize">Side of every frame, pixels.</param>
/// <param name="SamplerSteps">Denoising steps per generated frame.</param>
/// <param name="SamplesPerCell">Samples per fidelity cell.</param>
/// <param name="Seed">The evaluation seed (worlds, poses, noise).</param>
/// <param name="Worlds">Distinct held-out worlds the fidelity samples came from.</param>
/// <param name="Cells">The fidelity table, one row per kind and view count.</param>
/// <param name="Drift">The drift rollout; null when not run.</param>
/// <param name="OutAndBack">The out-and-back walk; null when not run.</param>
/// <param name="DriftCapture">The drift path walked with the world's capture in memory; null when not run.</param>
/// <param name="ImagePath">The comparison image written; null when none.</param>
/// <param name="Seconds">Wall-clock time of the run, seconds.</param>
/// <param name="Summary">The headline figures, last so that a JSON document ends with them.</param>
public sealed record ModelEvalResult(string Preset, int ImageSize, int SamplerSteps, int SamplesPerCell, ulong Seed, int Worlds,
    IReadOnlyList<FidelityCell> Cells, DriftResult? Drift, OutAndBackResult? OutAndBack, CapturedDrift? DriftCapture, string? ImagePath, double Seconds, ModelEvalSummary Summary);
