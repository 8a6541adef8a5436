using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Frames;

/// <summary>
/// A frame source that draws with context from the environment's <see cref="SpatialMemory"/>
/// (the learned model). When the environment has a memory and its source implements
/// this, it retrieves entries for each requested pose and calls
/// <see cref="Render(FrameRequest, IReadOnlyList{MemoryEntry})"/> instead of
/// <see cref="IFrameSource.Render"/>, then stores <see cref="MemoryFrame"/> of the frame with <see cref="LastPayload"/>.
/// </summary>
public interface IMemoryAwareFrameSource : IFrameSource
{
    /// <summary>Draws one frame given the retrieved <paramref name="context"/>, best first (may be empty).</summary>
    Frame Render(FrameRequest request, IReadOnlyList<MemoryEntry> context);

    /// <summary>Per-frame data (e.g. cached keys and values) of the frame last rendered, kept with its memory entry; null for none.</summary>
    object? LastPayload { get; }

    /// <summary>
    /// Posed frames put into the memory at reset, before the first frame is drawn (e.g. ground-truth
    /// views around the start pose that the generated world grows from); empty for none.
    /// Called after <see cref="IFrameSource.BeginEpisode"/>.
    /// </summary>
    /// <param name="start">The camera pose of the first frame (metres, radians, world frame).</param>
    /// <param name="camera">The episode's camera.</param>
    IReadOnlyList<MemorySeed> SeedViews(Pose start, CameraIntrinsics camera);

    /// <summary>
    /// What the memory keeps of <paramref name="drawn"/>, the frame this source rendered last (by default the
    /// frame itself). A source whose depth is generated rather than measured returns it without depth:
    /// retrieval (<see cref="FieldOfViewCoverageRule"/>) trusts stored depth to tell which surfaces an entry
    /// saw, and generated depth misleads it; an entry without depth is judged by its view alone.
    /// </summary>
    Frame MemoryFrame(Frame drawn) => drawn;

    /// <summary>
    /// The <see cref="MemoryEntry.GenerationDepth"/> of the frame this source rendered last: 0 (the default)
    /// for a rendered frame, n + 1 for one a model drew from context whose shallowest frame was n deep.
    /// </summary>
    int LastGenerationDepth => 0;
}
