using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tasks;

/// <summary>No reward, no goal, no termination: for rendering and data collection.</summary>
public sealed class FreeTask : INavigationTask
{
    /// <inheritdoc/>
    public BoxSpace? GoalSpace => null;

    /// <inheritdoc/>
    public void Reset(TaskContext context, Pose start) { }

    /// <inheritdoc/>
    public TaskStep Step(Pose pose, MoveResult move, bool stopRequested) => new(0, false);

    /// <inheritdoc/>
    public void WriteInfo(IDictionary<string, object?> info, bool episodeOver) { }

    /// <inheritdoc/>
    public NDArray? GoalObservation(Pose pose) => null;

    /// <inheritdoc/>
    public object Capture() => this; // stateless: nothing to keep

    /// <inheritdoc/>
    public void Restore(object state) { }
}
