using RtfmGym.Env.Actions;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// The most a robot moves in one step: <see cref="ForwardStep"/> metres or <see cref="TurnStep"/>
/// radians. Planned paths (<see cref="RevisitPlanner"/>) move or turn by at most these per step, so a
/// gap of g steps is g steps of an agent with the scenario's actions.
/// </summary>
public sealed record MotionLimits
{
    /// <summary>Creates limits; both must be positive and finite.</summary>
    public MotionLimits(float forwardStep, float turnStep)
    {
        if (!(forwardStep > 0 && float.IsFinite(forwardStep))) throw new ArgumentOutOfRangeException(nameof(forwardStep), forwardStep, "The forward step must be a positive number of metres.");
        if (!(turnStep > 0 && turnStep <= MathF.PI)) throw new ArgumentOutOfRangeException(nameof(turnStep), turnStep, "The turn step must be in (0, pi] radians.");
        (ForwardStep, TurnStep) = (forwardStep, turnStep);
    }

    /// <summary>Largest move per step, metres.</summary>
    public float ForwardStep { get; }

    /// <summary>Largest turn per step, radians.</summary>
    public float TurnStep { get; }

    /// <summary>
    /// The limits of an action kind: discrete keys move <see cref="ActionSettings.ForwardStep"/> and turn
    /// <see cref="ActionSettings.TurnStep"/>; continuous and free-flight actions at most
    /// <see cref="ActionSettings.MaxSpeed"/> and <see cref="ActionSettings.MaxTurnRate"/> times <see cref="ActionSettings.Dt"/>.
    /// </summary>
    public static MotionLimits For(ActionSettings action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind == ActionKind.Discrete
            ? new MotionLimits(action.ForwardStep, action.TurnStep)
            : new MotionLimits(action.MaxSpeed * action.Dt, MathF.Min(MathF.PI, action.MaxTurnRate * action.Dt));
    }
}
