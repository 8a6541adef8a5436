namespace RtfmGym.Model.Training;

/// <summary>
/// What a training step optimises and how it draws noise levels and context. Immutable; validated by
/// <see cref="Validate"/>. The default is the one chosen by the ablation in docs/model.md;
/// <see cref="Legacy"/> is what the first shipped model was trained with (the ablation's control).
/// </summary>
public sealed record TrainObjective
{
    /// <summary>How the squared error of the x₀ estimate is weighted per noise level. Default <see cref="LossWeighting.VSpace"/>.</summary>
    public LossWeighting Weighting { get; init; } = LossWeighting.VSpace;

    /// <summary>How noise levels are drawn (besides <see cref="PureNoiseShare"/>). Default <see cref="NoiseLevels.LogitNormal"/>.</summary>
    public NoiseLevels Levels { get; init; } = NoiseLevels.LogitNormal;

    /// <summary>Share of samples trained at exactly t = 1, the level every sample starts from. Default 0.15.</summary>
    public double PureNoiseShare { get; init; } = 0.15;

    /// <summary>
    /// Share of batches (with two or more context views) whose last context view is replaced by the
    /// model's own frame at that pose, drawn from the other views and marked as generated ("self-forcing
    /// lite"): the network meets its own output as context, as in a rollout. Default 0.25; 0 turns it off.
    /// Needs a model with <see cref="FrameModelConfig.Provenance"/>.
    /// </summary>
    public double SelfForcingShare { get; init; } = 0.25;

    /// <summary>First step at which self-forcing may apply (the model's own frames mean little before). Default 1,000.</summary>
    public long SelfForcingFrom { get; init; } = 1_000;

    /// <summary>
    /// How many context views a self-forced batch draws, each in turn from all views before it (ground truth and those
    /// already drawn), as a rollout draws each frame from the ones before: 1 draws only the last view from the others;
    /// K draws the last K, so the newest view is K generations from the truth (fewer where a sample has fewer views).
    /// Default 1.
    /// </summary>
    public int SelfForcingChain { get; init; } = 1;

    /// <summary>
    /// Chance that a context view is degraded as a long rollout degrades the model's frames (<see cref="ContextDegradation"/>)
    /// and marked generated, so the network learns to draw detail over a blurred view rather than copy the blur on. Needs a
    /// model with <see cref="FrameModelConfig.Provenance"/> (without it, nothing is degraded). Default 0.
    /// </summary>
    public double DegradedContextShare { get; init; }

    /// <summary>Sampler steps used to draw the self-forced context frame. Default 1 (cheapest; the rollout default may use more).</summary>
    public int SelfForcingSamplerSteps { get; init; } = 1;

    /// <summary>
    /// Weight of the copy path's own loss (models with <see cref="FrameModelConfig.PointerStride"/>): the squared error of
    /// what the path reads against the target's colour, added to the main loss. It teaches the path where to read while
    /// its gate is still nearly closed, when the main loss alone hardly reaches it. Default 1; 0 turns it off.
    /// </summary>
    public double CopyReadingWeight { get; init; } = 1.0;

    /// <summary>
    /// Weight of the copy path's correspondence loss (models with <see cref="FrameModelConfig.PointerStride"/>): the
    /// negative log of the attention its target patches pay to the windows where the ground-truth geometry says
    /// their surface is seen (<see cref="PointerCorrespondence"/>). It teaches the path parallax and occlusion, which
    /// matching view directions alone cannot know. Default 0 (off).
    /// </summary>
    public double CopyCorrespondenceWeight { get; init; }

    /// <summary>The objective of the first shipped model: flat x₀ error, uniform levels with a quarter at t = 1, no self-forcing.</summary>
    public static TrainObjective Legacy { get; } = new() { Weighting = LossWeighting.Flat, Levels = NoiseLevels.Uniform, PureNoiseShare = 0.25, SelfForcingShare = 0 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public TrainObjective Validate()
    {
        if (!Enum.IsDefined(Weighting)) throw new ArgumentOutOfRangeException(nameof(Weighting), Weighting, "Unknown loss weighting.");
        if (!Enum.IsDefined(Levels)) throw new ArgumentOutOfRangeException(nameof(Levels), Levels, "Unknown noise-level distribution.");
        if (!(PureNoiseShare is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(PureNoiseShare), PureNoiseShare, "The pure-noise share (--pure-noise-share) must be 0 to 1.");
        if (!(DegradedContextShare is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(DegradedContextShare), DegradedContextShare, "The degraded-context share (--degrade-context) must be 0 to 1.");
        if (!(SelfForcingShare is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(SelfForcingShare), SelfForcingShare, "The self-forcing share must be 0 to 1.");
        if (SelfForcingFrom < 0) throw new ArgumentOutOfRangeException(nameof(SelfForcingFrom), SelfForcingFrom, "The self-forcing start step cannot be negative.");
        if (!(CopyReadingWeight is >= 0 and <= 100)) throw new ArgumentOutOfRangeException(nameof(CopyReadingWeight), CopyReadingWeight, "The copy reading weight (--copy-reading-weight) must be 0 to 100.");
        if (!(CopyCorrespondenceWeight is >= 0 and <= 100)) throw new ArgumentOutOfRangeException(nameof(CopyCorrespondenceWeight), CopyCorrespondenceWeight, "The copy correspondence weight (--copy-correspondence-weight) must be 0 to 100.");
        if (SelfForcingChain is < 1 or > 63) throw new ArgumentOutOfRangeException(nameof(SelfForcingChain), SelfForcingChain, "The self-forcing chain (--self-forcing-chain) must be 1 to 63 views.");
        if (SelfForcingSamplerSteps is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(SelfForcingSamplerSteps), SelfForcingSamplerSteps, "Self-forcing sampler steps must be 1 to 16.");
        return this;
    }
}
