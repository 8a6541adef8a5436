using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Actions;

/// <summary>
/// A free-flying (drone-style) camera: Box(6) of forward, right and up speeds in
/// [-MaxSpeed, MaxSpeed] m/s and yaw, pitch and roll rates in [-MaxTurnRate, MaxTurnRate] rad/s,
/// held for <see cref="ActionSettings.Dt"/> seconds. No stop action.
/// </summary>
public sealed class FreeFlightActionModel : ActionModel
{
    private readonly BoxSpace _space;

    public FreeFlightActionModel(ActionSettings settings) : base(settings)
    {
        float v = Settings.MaxSpeed, w = Settings.MaxTurnRate;
        _space = new BoxSpace([-v, -v, -v, -w, -w, -w], [v, v, v, w, w, w], [6]);
    }

    public override Space Space => _space;

    public override bool HasStop => false;

    public override BodyMotion Interpret(object action)
    {
        double[] a = ReadBox(action, _space);
        float dt = Settings.Dt;
        return new BodyMotion((float)a[0] * dt, (float)a[1] * dt, (float)a[2] * dt, (float)a[3] * dt, (float)a[4] * dt, (float)a[5] * dt, false);
    }
}
