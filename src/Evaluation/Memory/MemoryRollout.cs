using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// Draws frames along poses the caller chooses, with a spatial memory, through the same
/// <see cref="ObservationPipeline"/> as <see cref="RtfmEnvironment"/> draws them along the poses its actions
/// lead to (retrieve, draw, store). Measurements use it to put a camera back on exactly the same pose, which
/// integrating actions cannot promise. A test drives it and an environment along the same poses and checks they agree.
/// </summary>
public sealed class MemoryRollout
{
    private readonly ObservationPipeline _pipeline;
    private readonly CameraIntrinsics _camera;
    private readonly FrameChannels _channels;
    private FrameEpisode? _episode;

    /// <summary>A rollout of <paramref name="frames"/> into <paramref name="memory"/> through <paramref name="camera"/>, asking for <paramref name="channels"/>.</summary>
    public MemoryRollout(IFrameSource frames, SpatialMemory memory, CameraIntrinsics camera, FrameChannels channels = FrameChannels.Rgb)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(camera);
        (_pipeline, Memory, _camera, _channels) = (new ObservationPipeline(frames), memory, camera, channels);
    }

    /// <summary>The memory frames go into.</summary>
    public SpatialMemory Memory { get; }

    /// <summary>The entries retrieved for the latest frame, best first (empty when the memory was empty).</summary>
    public IReadOnlyList<ScoredEntry> LastRetrieved { get; private set; } = [];

    /// <summary>
    /// Starts an episode in <paramref name="world"/> with <paramref name="seed"/>, as a reset does: the memory is
    /// emptied and marked as this world's, and the source's seed views for <paramref name="start"/> go in, with a view from
    /// each of <paramref name="capture"/> (the world's capture, <see cref="FrameEpisode.CapturePoses"/>; null or empty for none).
    /// Observe the first frame next.
    /// </summary>
    public void Begin(World world, ulong seed, Pose start, IReadOnlyList<Pose>? capture = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        _episode = new FrameEpisode(world, seed) { CapturePoses = capture ?? [] };
        Memory.Clear();
        Memory.WorldSeed = world.Seed;
        LastRetrieved = [];
        _pipeline.Seed(Memory, _episode, start, _camera);
    }

    /// <summary>The frame at <paramref name="pose"/> (metres, world frame), step <paramref name="step"/> of the episode; it is stored in the memory.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Begin"/>.</exception>
    public Frame Observe(Pose pose, int step)
    {
        FrameEpisode episode = _episode ?? throw new InvalidOperationException("Call Begin before Observe.");
        ObservedView view = _pipeline.Observe(new ObservationRequest(new FrameRequest(pose, _camera, _channels, step), episode, Memory));
        LastRetrieved = view.Retrieved ?? [];
        return view.Frame;
    }
}
