using RtfmGym.Env.Frames;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Sensors;

/// <summary>"goal": the task's goal observation (PointNav: float32 [2], distance in metres and bearing in radians, + to the left); see <see cref="Tasks.INavigationTask.GoalObservation"/>.</summary>
public sealed class GoalSensor(BoxSpace space) : ISensor
{
    /// <inheritdoc/>
    public string Key => "goal";

    /// <inheritdoc/>
    public Space Space { get; } = space ?? throw new ArgumentNullException(nameof(space));

    /// <inheritdoc/>
    public FrameChannels Channels => 0;

    /// <inheritdoc/>
    public object Observe(ObservationContext context) =>
        context.Task.GoalObservation(context.Pose) ?? throw new RtfmGymException($"Task {context.Task.GetType().Name} declares a goal space but gave no goal observation.");
}
