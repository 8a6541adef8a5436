using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tasks;

/// <summary>No reward, no goal, no termination: for rendering and data collection.</summary>
public sealed class FreeTask : INavigationTask
{
    public BoxSpace? GoalSpace => null;

    public void Reset(TaskContext context, Pose start) { }

    public TaskStep Step(Pose pose, MoveResult move, bool stopRequested) => new(0, false);

    public void WriteInfo(IDictionary<string, object?> info, bool episodeOver) { }

    public NDArray? GoalObservation(Pose pose) => null;

    /// <inheritdoc/>
    public object Capture() => this; // stateless: nothing to keep

    /// <inheritdoc/>
    public void Restore(object state) { }
}
