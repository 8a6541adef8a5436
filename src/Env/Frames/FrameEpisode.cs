using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Frames;

/// <summary>
/// The episode a view belongs to: its world and its seed. Every request to a frame source carries one, so
/// that one source can serve several environments at once; a source keeps whatever it derives from an
/// episode (a prepared scene, the world's centre) keyed by it, and the same world and seed always give the
/// same frames.
/// </summary>
/// <param name="World">The episode's world.</param>
/// <param name="Seed">The episode's seed (a learned model seeds each frame's noise from it and the step).</param>
public sealed record FrameEpisode(World World, ulong Seed)
{
    /// <summary>The world, checked not to be null.</summary>
    public World World { get; init; } = World ?? throw new ArgumentNullException(nameof(World));

    /// <summary>
    /// Posed pictures the episode starts from (a scenario's start images, or an upload), put into the memory at reset instead of the
    /// source's <see cref="IFrameSource.SeedViews"/>; empty (default) for none. When there are any, no frame of the episode
    /// may be ground truth, the first included: a source that draws from context draws every frame from them.
    /// </summary>
    public IReadOnlyList<MemorySeed> StartViews { get; init; } = [];

    /// <summary>
    /// Camera poses of the world's capture (a scenario's <c>capture</c>): a source that draws from context puts a ground-truth
    /// view from each into the memory at reset, with its seed views (<see cref="IFrameSource.SeedViews"/>), and draws every frame
    /// from the true views near it. Empty (default) for none. An episode that starts from pictures has none.
    /// </summary>
    public IReadOnlyList<Pose> CapturePoses { get; init; } = [];

    /// <summary>Whether the episode starts from pictures (<see cref="StartViews"/>) rather than from the ground truth.</summary>
    public bool StartsFromImages => StartViews.Count > 0;
}
