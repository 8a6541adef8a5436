namespace RtfmGym.Model.Training;

/// <summary>Settings of the on-the-fly training data. Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record TrainingDataOptions
{
    /// <summary>Square image side, pixels. Default 64.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>Vertical field of view, degrees. Default 90 (the shipped scenarios' camera).</summary>
    public float FovDegrees { get; init; } = 90f;

    /// <summary>Camera height above the floor, metres (a uniform jitter of ±0.15 is added). Default 1.25.</summary>
    public float CameraHeight { get; init; } = 1.25f;

    /// <summary>Worlds kept in the pool at once. Default 32.</summary>
    public int PoolSize { get; init; } = 32;

    /// <summary>Samples drawn between replacing one pool world by a new one. Default 48.</summary>
    public int RefreshEvery { get; init; } = 48;

    /// <summary>
    /// Relative frequency of trajectory, interpolation, extrapolation and copy samples. Default 0.34, 0.34,
    /// 0.17, 0.15 (<see cref="MixWithCopies"/> of 0.15): copies are what teach the network to pass detail
    /// through (without them a view within 0.1 m and 5° of the target is about 0.2% of interpolation samples).
    /// </summary>
    public (double Trajectory, double Interpolation, double Extrapolation, double Copy) Mix { get; init; } = MixWithCopies(0.15);

    /// <summary>The mix with <paramref name="copyShare"/> copy samples and the rest as 2 : 2 : 1 trajectory, interpolation and extrapolation.</summary>
    public static (double Trajectory, double Interpolation, double Extrapolation, double Copy) MixWithCopies(double copyShare) =>
        (0.4 * (1 - copyShare), 0.4 * (1 - copyShare), 0.2 * (1 - copyShare), copyShare);

    /// <summary>Share of copy samples whose copied view is only near the target (within 0.1 m and 5°) rather than exact. Default 0.5; evaluation uses 0.</summary>
    public double NearCopyShare { get; init; } = 0.5;

    /// <summary>
    /// Share of trajectory samples that begin an episode as the environment does: the context is the walk's start view and
    /// the views turned on the spot by the frame source's seed headings (<see cref="StartHeadingsDegrees"/>, nearest the way
    /// ahead first), then the walk's views before the target, and the target lies one to four single actions (a 0.25 m step
    /// or a turn of 10° to 30°) from the start. Such a context is seen from one place only, so nothing in its colour tells
    /// how far the surfaces are, and the first steps of every rollout start from one. Default 0.
    /// </summary>
    public double StartShare { get; init; }

    /// <summary>Headings of the start samples' turned views, degrees from the start view, in the order they fill the context: the frame source's seed headings (<see cref="Frames.ModelFrameSourceOptions.SeedHeadingsDegrees"/>) nearest the way ahead first.</summary>
    public static IReadOnlyList<float> StartHeadingsDegrees { get; } = new Frames.ModelFrameSourceOptions().SeedHeadingsDegrees
        .OrderBy(d => Math.Min(d, 360 - d)).ThenBy(d => d).ToArray();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public TrainingDataOptions Validate()
    {
        if (ImageSize is < 16 or > 256) throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, "Image size must be 16 to 256 pixels.");
        if (!(FovDegrees is > 10 and < 170)) throw new ArgumentOutOfRangeException(nameof(FovDegrees), FovDegrees, "Field of view must be 10 to 170 degrees.");
        if (!(CameraHeight is > 0.3f and < 2.5f)) throw new ArgumentOutOfRangeException(nameof(CameraHeight), CameraHeight, "Camera height must be 0.3 to 2.5 metres.");
        if (PoolSize is < 1 or > 4096) throw new ArgumentOutOfRangeException(nameof(PoolSize), PoolSize, "Pool size must be 1 to 4096 worlds.");
        if (RefreshEvery < 1) throw new ArgumentOutOfRangeException(nameof(RefreshEvery), RefreshEvery, "Refresh interval must be at least 1 sample.");
        if (!(StartShare is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(StartShare), StartShare, "The start share (--start-share) must be 0 to 1.");
        if (!(NearCopyShare is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(NearCopyShare), NearCopyShare, "Near-copy share must be 0 to 1.");
        if (!(Mix.Trajectory >= 0 && Mix.Interpolation >= 0 && Mix.Extrapolation >= 0 && Mix.Copy >= 0) || Mix.Trajectory + Mix.Interpolation + Mix.Extrapolation + Mix.Copy <= 0)
            throw new ArgumentOutOfRangeException(nameof(Mix), Mix, "Mix weights must be non-negative and not all zero.");
        return this;
    }
}
