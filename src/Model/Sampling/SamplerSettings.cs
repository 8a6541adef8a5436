namespace RtfmGym.Model.Sampling;

/// <summary>How a frame is sampled: the number of denoising steps (1 gives the model's mean estimate,
/// more give sharper frames). Immutable; validated on construction.</summary>
public sealed record SamplerSettings
{
    /// <summary>The interactive default: 4 steps.</summary>
    public const int DefaultSteps = 4;

    public SamplerSettings(int steps = DefaultSteps)
    {
        if (steps is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(steps), steps, "Sampling steps must be 1 to 1000 (the interactive default is 4).");
        Steps = steps;
    }

    /// <summary>Denoising steps, 1 to 1000.</summary>
    public int Steps { get; }

    /// <summary>The default settings.</summary>
    public static SamplerSettings Default { get; } = new();
}
