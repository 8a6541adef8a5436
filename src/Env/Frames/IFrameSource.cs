using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Frames;

/// <summary>
/// Draws the views seen from camera poses. The ground-truth ray caster is one implementation; the learned
/// frame model (src/Model) is another, plugged in from above so that the environment never depends on it.
/// A source is asked for a list of views at once (<see cref="Draw"/>), each carrying its own episode and
/// context, so one source can serve several environments with one call: the learned model draws them in one
/// batched forward pass; the ground truth draws them one after the other. One caller at a time.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>A short name for logs and records ("ground-truth", "constant", "model").</summary>
    string Name { get; }

    /// <summary>
    /// Whether the source draws from the context retrieved from a spatial memory (the learned model). An
    /// environment gives such a source a memory of its own when it is given none. Default false.
    /// </summary>
    bool DrawsFromContext => false;

    /// <summary>
    /// Posed frames put into the memory at reset, before the first frame is drawn (e.g. ground-truth views
    /// around the start pose that a generated world grows from); empty (the default) for none.
    /// </summary>
    /// <param name="episode">The episode starting.</param>
    /// <param name="start">The camera pose of the first frame (metres, radians, world frame).</param>
    /// <param name="camera">The episode's camera.</param>
    IReadOnlyList<MemorySeed> SeedViews(FrameEpisode episode, Pose start, CameraIntrinsics camera) => [];

    /// <summary>
    /// Draws every view of <paramref name="requests"/>, one result per request, in order. Deterministic: a view
    /// depends only on its request (episode, pose, step, context), never on the other requests beyond float
    /// rounding, nor on earlier calls.
    /// </summary>
    IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests);
}
