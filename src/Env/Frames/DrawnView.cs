using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Frames;

/// <summary>What a frame source drew for one <see cref="ViewRequest"/>.</summary>
/// <param name="Observed">The frame the agent observes, with the channels the request asked for.</param>
/// <param name="Remembered">
/// What a spatial memory keeps of it (often <paramref name="Observed"/> itself). A source whose depth is generated
/// rather than measured keeps it without depth: retrieval (<see cref="FieldOfViewCoverageRule"/>) trusts stored
/// depth to tell which surfaces an entry saw, and generated depth misleads it; an entry without depth is judged by
/// its view alone. A source that keeps per-frame data (a learned model's cached keys and values) keys it by this instance.
/// </param>
/// <param name="GenerationDepth">
/// The <see cref="MemoryEntry.GenerationDepth"/> of the frame: 0 for a rendered frame, n + 1 for one a model drew
/// from context whose shallowest frame was n deep.
/// </param>
public sealed record DrawnView(Frame Observed, Frame Remembered, int GenerationDepth = 0)
{
    /// <summary>A rendered frame, observed and remembered as it is.</summary>
    public DrawnView(Frame frame) : this(frame, frame) { }

    /// <summary>The observed frame, checked not to be null.</summary>
    public Frame Observed { get; init; } = Observed ?? throw new ArgumentNullException(nameof(Observed));

    /// <summary>The remembered frame, checked not to be null and of the observed frame's size.</summary>
    public Frame Remembered { get; } = Remembered is null ? throw new ArgumentNullException(nameof(Remembered))
        : Remembered.Width != Observed.Width || Remembered.Height != Observed.Height
            ? throw new ArgumentException($"The remembered frame is {Remembered.Width}x{Remembered.Height}, the observed one {Observed.Width}x{Observed.Height}.", nameof(Remembered))
            : Remembered;

    /// <summary>The generation depth, checked not to be negative.</summary>
    public int GenerationDepth { get; } = GenerationDepth >= 0 ? GenerationDepth
        : throw new ArgumentOutOfRangeException(nameof(GenerationDepth), GenerationDepth, "A generation depth is 0 or more.");
}
