using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Actions;

/// <summary>Discrete(8) keys (see <see cref="DiscreteAction"/>): fixed steps of <see cref="ActionSettings.ForwardStep"/> metres and <see cref="ActionSettings.TurnStep"/> radians.</summary>
public sealed class DiscreteActionModel : ActionModel
{
    private readonly DiscreteSpace _space = new(8);

    /// <summary>Builds the action space from the speed and step limits of <paramref name="settings"/>.</summary>
    /// <param name="settings">The action settings; validated by the base class.</param>
    public DiscreteActionModel(ActionSettings settings) : base(settings) { }

    /// <inheritdoc/>
    public override Space Space => _space;

    /// <inheritdoc/>
    public override bool HasStop => true;

    /// <inheritdoc/>
    public override BodyMotion Interpret(object action)
    {
        _space.Require(action);
        DiscreteSpace.TryAsLong(action, out long v);
        float s = Settings.ForwardStep, t = Settings.TurnStep;
        return (DiscreteAction)v switch
        {
            DiscreteAction.Forward => new BodyMotion(s, 0, 0, 0, 0, 0, false),
            DiscreteAction.Back => new BodyMotion(-s, 0, 0, 0, 0, 0, false),
            DiscreteAction.StrafeLeft => new BodyMotion(0, -s, 0, 0, 0, 0, false),
            DiscreteAction.StrafeRight => new BodyMotion(0, s, 0, 0, 0, 0, false),
            DiscreteAction.TurnLeft => new BodyMotion(0, 0, 0, t, 0, 0, false),
            DiscreteAction.TurnRight => new BodyMotion(0, 0, 0, -t, 0, 0, false),
            DiscreteAction.Stop => new BodyMotion(0, 0, 0, 0, 0, 0, true),
            _ => BodyMotion.None,
        };
    }
}
