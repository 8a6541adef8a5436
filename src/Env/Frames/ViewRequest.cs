using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Frames;

/// <summary>One view a frame source is asked to draw: the camera request, the episode it belongs to and the context retrieved for it.</summary>
/// <param name="Frame">The camera pose and intrinsics, the channels wanted and the episode step.</param>
/// <param name="Episode">The episode (world and seed) the view belongs to.</param>
/// <param name="Context">
/// Posed frames retrieved from the episode's spatial memory for this view, best first; empty without a memory.
/// A source that draws from context (<see cref="IFrameSource.DrawsFromContext"/>) uses them; others ignore them.
/// </param>
public sealed record ViewRequest(FrameRequest Frame, FrameEpisode Episode, IReadOnlyList<MemoryEntry> Context)
{
    /// <summary>A view without context.</summary>
    public ViewRequest(FrameRequest frame, FrameEpisode episode) : this(frame, episode, []) { }

    /// <summary>The camera request, checked not to be null.</summary>
    public FrameRequest Frame { get; init; } = Frame ?? throw new ArgumentNullException(nameof(Frame));

    /// <summary>The episode, checked not to be null.</summary>
    public FrameEpisode Episode { get; init; } = Episode ?? throw new ArgumentNullException(nameof(Episode));

    /// <summary>The context, checked not to be null.</summary>
    public IReadOnlyList<MemoryEntry> Context { get; init; } = Context ?? throw new ArgumentNullException(nameof(Context));
}
