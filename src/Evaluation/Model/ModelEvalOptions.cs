using RtfmGym.Env.Scenarios;
using RtfmGym.Model.Sampling;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Model;

/// <summary>Settings of a <see cref="ModelEvaluator"/> run (<c>rtfmgym model eval</c>). Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record ModelEvalOptions
{
    /// <summary>Held-out samples per (kind, views) cell. Default 24.</summary>
    public int SamplesPerCell { get; init; } = 24;

    /// <summary>Denoising steps per generated frame. Default <see cref="SamplerSettings.DefaultSteps"/> (the interactive default).</summary>
    public SamplerSettings Sampler { get; init; } = SamplerSettings.Default;

    /// <summary>Context view counts of the table, ascending. Default 1, 2, 4, 8. Each sample's contexts are nested (the first k views, or the last k frames of its walk), so the rows are paired.</summary>
    public IReadOnlyList<int> Views { get; init; } = [1, 2, 4, 8];

    /// <summary>Kinds of the table. Default copy (the target's own view is the first context view), interpolation, extrapolation and trajectory (the sliding window).</summary>
    public IReadOnlyList<SampleKind> Kinds { get; init; } = [SampleKind.Copy, SampleKind.Interpolation, SampleKind.Extrapolation, SampleKind.Trajectory];

    /// <summary>Steps of the drift rollout; 0 skips it. Default 200.</summary>
    public int DriftSteps { get; init; } = 200;

    /// <summary>Steps out of the out-and-back walk (it comes back as many); 0 skips it. Default 60.</summary>
    public int OutAndBackSteps { get; init; } = 60;

    /// <summary>Also roll out the drift path with ground-truth frames in memory, as a reference (about doubles the drift's cost). Default true.</summary>
    public bool DriftReference { get; init; } = true;

    /// <summary>
    /// The capture of the drift world walked again after the rollout (<see cref="CapturedDrift"/>): the environment's
    /// reconstruction mode, where every frame is drawn from true views near it. Null skips it. Default: 0.5 m, 6 headings.
    /// </summary>
    public CaptureSettings? DriftCapture { get; init; } = new();

    /// <summary>Held-out worlds in the fidelity samples' pool. Default 8.</summary>
    public int Worlds { get; init; } = 8;

    /// <summary>Seed of worlds, poses and sampling noise; fixed so that runs compare. Default 20251121.</summary>
    public ulong Seed { get; init; } = 20251121;

    /// <summary>Where to write the comparison PNG (atomically); null for none.</summary>
    public string? ImagePath { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public ModelEvalOptions Validate()
    {
        if (SamplesPerCell is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(SamplesPerCell), SamplesPerCell, "Samples per cell must be 1 to 100,000 (--samples).");
        ArgumentNullException.ThrowIfNull(Sampler, nameof(Sampler));
        if (Views is null || Views.Count == 0 || Views.Any(v => v is < 1 or > 64) || !Views.Order().SequenceEqual(Views) || Views.Distinct().Count() != Views.Count)
            throw new ArgumentOutOfRangeException(nameof(Views), "Views must be distinct counts of 1 to 64 in ascending order.");
        if (Kinds is null || Kinds.Count == 0 || Kinds.Distinct().Count() != Kinds.Count) throw new ArgumentOutOfRangeException(nameof(Kinds), "Kinds must be distinct and not empty.");
        if (DriftSteps is < 0 or > 100_000) throw new ArgumentOutOfRangeException(nameof(DriftSteps), DriftSteps, "Drift steps must be 0 to 100,000 (--drift-steps).");
        if (OutAndBackSteps is < 0 or 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(OutAndBackSteps), OutAndBackSteps, "Out-and-back steps must be 0 (skip) or 2 to 10,000 (--out-and-back-steps).");
        if (Worlds is < 1 or > 4096) throw new ArgumentOutOfRangeException(nameof(Worlds), Worlds, "Worlds must be 1 to 4096.");
        return this;
    }
}
