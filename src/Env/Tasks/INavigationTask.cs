using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tasks;

/// <summary>Rewards, termination and task figures of an episode; one instance per environment.</summary>
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

    /// <summary>The "goal" observation at <paramref name="pose"/> (see <see cref="GoalSpace"/>).</summary>
    NDArray? GoalObservation(Pose pose);
}
