using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Actions;

/// <summary>
/// A ground robot: Box(3) of forward speed in [-MaxSpeed/2, MaxSpeed] m/s, strafe speed in
/// [-MaxSpeed/2, MaxSpeed/2] m/s (+ is right) and yaw rate in [-MaxTurnRate, MaxTurnRate] rad/s
/// (+ is left), each held for <see cref="ActionSettings.Dt"/> seconds. No stop action.
/// </summary>
public sealed class ContinuousActionModel : ActionModel
{
    private readonly BoxSpace _space;

    /// <summary>Builds the action space from the speed and step limits of <paramref name="settings"/>.</summary>
    /// <param name="settings">The action settings; validated by the base class.</param>
    public ContinuousActionModel(ActionSettings settings) : base(settings)
    {
        float v = Settings.MaxSpeed, w = Settings.MaxTurnRate;
        _space = new BoxSpace([-v / 2, -v / 2, -w], [v, v / 2, w], [3]);
    }

    /// <inheritdoc/>
    public override Space Space => _space;

    /// <inheritdoc/>
    public override bool HasStop => false;

    /// <inheritdoc/>
    public override BodyMotion Interpret(object action)
    {
        double[] a = ReadBox(action, _space);
        float dt = Settings.Dt;
        return new BodyMotion((float)a[0] * dt, (float)a[1] * dt, 0, (float)a[2] * dt, 0, 0, false);
    }
}
