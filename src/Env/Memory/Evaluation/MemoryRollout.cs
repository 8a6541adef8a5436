using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Memory.Evaluation;

/// <summary>
/// Draws frames along poses the caller chooses, with a spatial memory, the way
/// <see cref="RtfmEnvironment"/> draws them along the poses its actions lead to: retrieve context
/// for the pose (before drawing, so a frame is never its own context), draw (a
/// <see cref="IMemoryAwareFrameSource"/> gets the context), store the frame with its pose, step and
/// payload. Measurements use it to put a camera back on exactly the same pose, which integrating
/// actions cannot promise. A test drives it and an environment along the same poses and checks
/// they agree.
/// </summary>
public sealed class MemoryRollout
{
    private readonly IFrameSource _frames;
    private readonly CameraIntrinsics _camera;
    private readonly FrameChannels _channels;

    /// <summary>A rollout of <paramref name="frames"/> into <paramref name="memory"/> through <paramref name="camera"/>, asking for <paramref name="channels"/>.</summary>
    public MemoryRollout(IFrameSource frames, SpatialMemory memory, CameraIntrinsics camera, FrameChannels channels = FrameChannels.Rgb)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(camera);
        (_frames, Memory, _camera, _channels) = (frames, memory, camera, channels);
    }

    /// <summary>The memory frames go into.</summary>
    public SpatialMemory Memory { get; }

    /// <summary>The entries retrieved for the latest frame, best first (empty when the memory was empty).</summary>
    public IReadOnlyList<ScoredEntry> LastRetrieved { get; private set; } = [];

    /// <summary>
    /// Starts an episode in <paramref name="world"/> with <paramref name="seed"/>, as a reset does: the
    /// source begins the episode, the memory is emptied and marked as this world's, and a memory-aware
    /// source's seed views for <paramref name="start"/> go in. Observe the first frame next.
    /// </summary>
    public void Begin(World world, ulong seed, Pose start)
    {
        ArgumentNullException.ThrowIfNull(world);
        _frames.BeginEpisode(world, seed);
        Memory.Clear();
        Memory.WorldSeed = world.Seed;
        LastRetrieved = [];
        if (_frames is IMemoryAwareFrameSource seeding)
        {
            foreach (MemorySeed view in seeding.SeedViews(start, _camera))
                Memory.Insert(view.Pose, view.Frame, 0, view.Payload);
        }
    }

    /// <summary>The frame at <paramref name="pose"/> (metres, world frame), step <paramref name="step"/> of the episode; it is stored in the memory.</summary>
    public Frame Observe(Pose pose, int step)
    {
        var request = new FrameRequest(pose, _camera, _channels, step);
        LastRetrieved = Memory.Count > 0 ? Memory.Retrieve(pose, _camera) : [];
        var aware = _frames as IMemoryAwareFrameSource;
        Frame frame = aware is not null
            ? aware.Render(request, LastRetrieved.Select(s => s.Entry).ToArray())
            : _frames.Render(request);
        Memory.Insert(pose, aware?.MemoryFrame(frame) ?? frame, step, aware?.LastPayload, aware?.LastGenerationDepth ?? 0);
        return frame;
    }
}
