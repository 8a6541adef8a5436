using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Actions;

/// <summary>
/// A free-flying (drone-style) camera: Box(6) of forward, right and up speeds in
/// [-MaxSpeed, MaxSpeed] m/s and yaw, pitch and roll rates in [-MaxTurnRate, MaxTurnRate] rad/s,
/// held for <see cref="ActionSettings.Dt"/> seconds. No stop action. The body flies: it starts level at
/// the start's altitude (default the mount height) and moves in all six degrees of freedom; its heading
/// stays the start's.
/// </summary>
public sealed class FreeFlightActionModel : ActionModel
{
    private readonly BoxSpace _space;

    /// <summary>Builds the action space from the speed and step limits of <paramref name="settings"/>.</summary>
    /// <param name="settings">The action settings; validated by the base class.</param>
    public FreeFlightActionModel(ActionSettings settings) : base(settings)
    {
        float v = Settings.MaxSpeed, w = Settings.MaxTurnRate;
        _space = new BoxSpace([-v, -v, -v, -w, -w, -w], [v, v, v, w, w, w], [6]);
    }

    /// <inheritdoc/>
    public override Space Space => _space;

    /// <inheritdoc/>
    public override bool HasStop => false;

    /// <inheritdoc/>
    public override BodyState Place(FloorPose start, CameraSettings camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new(Pose.FromYawPitchRoll(start.Position.X, start.Altitude ?? camera.MountHeight, start.Position.Y, start.Yaw), start.Yaw);
    }

    /// <inheritdoc/>
    public override (BodyState Body, MoveResult Move) Move(World world, BodyState body, BodyMotion motion, float radius, CameraSettings camera)
    {
        MoveResult move = Kinematics.MoveFree(world, body.Camera, motion, radius);
        return (body with { Camera = move.Pose }, move);
    }

    /// <inheritdoc/>
    public override BodyMotion Interpret(object action)
    {
        double[] a = ReadBox(action, _space);
        float dt = Settings.Dt;
        return new BodyMotion((float)a[0] * dt, (float)a[1] * dt, (float)a[2] * dt, (float)a[3] * dt, (float)a[4] * dt, (float)a[5] * dt, false);
    }
}
