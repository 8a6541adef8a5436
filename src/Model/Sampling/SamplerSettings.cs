namespace RtfmGym.Model.Sampling;

/// <summary>How a frame is sampled: the number of denoising steps (1 gives the model's mean estimate,
/// more give sharper frames). Immutable; validated on construction.</summary>
public sealed record SamplerSettings
{
    /// <summary>The interactive default: 1 step (the model's mean estimate). The shipped model copies a view it is given better with 1 step than with 2 and draws twice as fast; 2 steps sharpen its interpolations (docs/model.md, "Version 3").</summary>
    public const int DefaultSteps = 1;

    /// <summary>Settings with <paramref name="steps"/> denoising steps.</summary>
    /// <param name="steps">Denoising steps, 1 to 1000.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is outside 1 to 1000.</exception>
    public SamplerSettings(int steps = DefaultSteps)
    {
        if (steps is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(steps), steps, "Sampling steps must be 1 to 1000 (the interactive default is 1).");
        Steps = steps;
    }

    /// <summary>Denoising steps, 1 to 1000.</summary>
    public int Steps { get; }

    /// <summary>The default settings.</summary>
    public static SamplerSettings Default { get; } = new();
}
