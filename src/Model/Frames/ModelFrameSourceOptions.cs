using RtfmGym.Model.Sampling;

namespace RtfmGym.Model.Frames;

/// <summary>How <see cref="ModelFrameSource"/> starts and draws an episode. Immutable; validated on use.</summary>
public sealed record ModelFrameSourceOptions
{
    /// <summary>Denoising steps per frame. Default 4.</summary>
    public SamplerSettings Sampler { get; init; } = SamplerSettings.Default;

    /// <summary>The reset frame is the ground truth (the world the generated one grows from), unless the episode starts from images. Default true.</summary>
    public bool GroundTruthFirstFrame { get; init; } = true;

    /// <summary>
    /// Headings (degrees, counter-clockwise from the start heading) of extra ground-truth views put into
    /// memory at reset, so the first turns already have real context. Default 60, 120, 180, 240, 300:
    /// with the first frame, a full turn.
    /// </summary>
    public IReadOnlyList<float> SeedHeadingsDegrees { get; init; } = [60, 120, 180, 240, 300];
}
