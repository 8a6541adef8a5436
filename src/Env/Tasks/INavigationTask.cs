using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tasks;

/// <summary>
/// Rewards, termination and task figures of an episode; one instance per environment, made by a
/// <see cref="TaskRegistry"/>. Its episode state can be captured and put back, which
/// <see cref="RtfmEnvironment.Snapshot"/> needs and which lets a refused reset leave the task as it was.
/// </summary>
public interface INavigationTask
{
    /// <summary>Starts an episode at <paramref name="start"/>.</summary>
    void Reset(TaskContext context, Pose start);

    /// <summary>Scores a step that moved the agent to <paramref name="pose"/>.</summary>
    TaskStep Step(Pose pose, MoveResult move, bool stopRequested);

    /// <summary>Adds task figures (namespaced by task, e.g. "distance_to_goal", "spl") to <paramref name="info"/>.</summary>
    void WriteInfo(IDictionary<string, object?> info, bool episodeOver);

    /// <summary>The space of the "goal" observation, or null when the task has no goal.</summary>
    BoxSpace? GoalSpace { get; }

    /// <summary>The "goal" observation at <paramref name="pose"/> (see <see cref="GoalSpace"/>); never null when <see cref="GoalSpace"/> is not.</summary>
    NDArray? GoalObservation(Pose pose);

    /// <summary>An immutable copy of the episode state (any object the task reads back in <see cref="Restore"/>); later steps do not change it.</summary>
    object Capture();

    /// <summary>Puts back a state from <see cref="Capture"/> of this task type; the state stays reusable.</summary>
    void Restore(object state);
}
