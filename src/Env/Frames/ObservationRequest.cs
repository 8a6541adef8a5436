using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Frames;

/// <summary>One view an <see cref="ObservationPipeline"/> is asked for.</summary>
/// <param name="Frame">The camera pose and intrinsics, the channels wanted and the episode step (0 at reset).</param>
/// <param name="Episode">The episode (world and seed) the view belongs to.</param>
/// <param name="Memory">The episode's spatial memory: context is retrieved from it and the drawn frame stored in it; null for none.</param>
public sealed record ObservationRequest(FrameRequest Frame, FrameEpisode Episode, SpatialMemory? Memory)
{
    /// <summary>The camera request, checked not to be null.</summary>
    public FrameRequest Frame { get; init; } = Frame ?? throw new ArgumentNullException(nameof(Frame));

    /// <summary>The episode, checked not to be null.</summary>
    public FrameEpisode Episode { get; init; } = Episode ?? throw new ArgumentNullException(nameof(Episode));
}
