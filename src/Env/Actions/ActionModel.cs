using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Actions;

/// <summary>
/// Turns actions of one <see cref="ActionKind"/> into body motions and moves the body; owns the action
/// space. By default the body is a ground robot: it stays on the floor, its camera at the mount height
/// and pitch (<see cref="FloorPose.ToCamera"/>), and turns only about the vertical; a flying kind overrides
/// <see cref="Place"/> and <see cref="Move"/>.
/// </summary>
public abstract class ActionModel
{
    /// <summary>Validates <paramref name="settings"/> and keeps them for the derived kind's space and steps.</summary>
    /// <param name="settings">Step sizes, speed limits, step duration and clipping; validated here.</param>
    protected ActionModel(ActionSettings settings) => Settings = settings.Validate();

    /// <summary>The validated settings the space and the motions are derived from.</summary>
    public ActionSettings Settings { get; }

    /// <summary>The space of valid actions.</summary>
    public abstract Space Space { get; }

    /// <summary>True when the kind has a stop action (only then does PointNav success require stopping).</summary>
    public abstract bool HasStop { get; }

    /// <summary>The motion for <paramref name="action"/>; throws <see cref="ActionOutOfSpaceException"/> for a value outside the space (unless clipping is on).</summary>
    public abstract BodyMotion Interpret(object action);

    /// <summary>The body at the start of an episode, standing at <paramref name="start"/>.</summary>
    public virtual BodyState Place(FloorPose start, CameraSettings camera) => new(start.ToCamera(camera), start.Yaw);

    /// <summary>Moves <paramref name="body"/> by <paramref name="motion"/> through <paramref name="world"/> with collision (see <see cref="Kinematics"/>).</summary>
    /// <param name="world">The world to collide with.</param>
    /// <param name="body">The body before the move.</param>
    /// <param name="motion">The body-frame delta from <see cref="Interpret"/>.</param>
    /// <param name="radius">Body radius, metres.</param>
    /// <param name="camera">The camera the body carries.</param>
    /// <returns>The body after the move, and the move itself with <see cref="MoveResult.Pose"/> the new camera pose.</returns>
    public virtual (BodyState Body, MoveResult Move) Move(World world, BodyState body, BodyMotion motion, float radius, CameraSettings camera)
    {
        MoveResult move = Kinematics.MoveGround(world, body.Camera.Position, body.Heading, motion, radius, out float heading);
        Pose placed = new FloorPose(new Vector2(move.Pose.Position.X, move.Pose.Position.Z), heading).ToCamera(camera);
        return (new BodyState(placed, heading), move with { Pose = placed });
    }

    /// <summary>The action model of <paramref name="settings"/>' kind.</summary>
    public static ActionModel Create(ActionSettings settings) => settings.Kind switch
    {
        ActionKind.Discrete => new DiscreteActionModel(settings),
        ActionKind.Continuous => new ContinuousActionModel(settings),
        ActionKind.Free6Dof => new FreeFlightActionModel(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown action kind."),
    };

    /// <summary>Reads a box action, clipping it when the settings ask, else requiring it to be in the space.</summary>
    protected double[] ReadBox(object action, BoxSpace box)
    {
        if (Settings.ClipActions && BoxSpace.AsArray(action) is { } a && a.Length == box.Count)
        {
            var v = a.ToDoubleArray();
            for (int i = 0; i < v.Length; i++)
            {
                if (double.IsNaN(v[i])) box.Require(action);
                v[i] = Math.Clamp(v[i], box.Low[i], box.High[i]);
            }
            return v;
        }
        box.Require(action);
        return BoxSpace.AsArray(action)!.ToDoubleArray();
    }
}
