using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents;

/// <summary>
/// Steers toward a list of floor waypoints (x, z in metres) using only the pose in the step
/// info, so it works on local and remote environments alike. Discrete actions: turn until the
/// waypoint lies within half a turn step of the heading, then step forward; at the last
/// waypoint, stop. Continuous and 6-DoF actions: a proportional controller on the bearing.
/// </summary>
public sealed class WaypointController
{
    private readonly Space _space;
    private readonly ActionSettings _settings;
    private readonly float _goalTolerance;
    private IReadOnlyList<Vector2> _waypoints = [];
    private int _next;

    /// <param name="actionSpace">The environment's action space (decides discrete or continuous control).</param>
    /// <param name="settings">Step sizes, speeds and dt (defaults match the environment's).</param>
    /// <param name="goalTolerance">Distance to the last waypoint, metres, at which it stops.</param>
    public WaypointController(Space actionSpace, ActionSettings settings, float goalTolerance)
    {
        _space = actionSpace;
        _settings = settings;
        _goalTolerance = goalTolerance;
    }

    /// <summary>True once the last waypoint has been reached (and, for discrete actions, stop was sent).</summary>
    public bool Finished { get; private set; }

    /// <summary>Replaces the route.</summary>
    public void SetRoute(IReadOnlyList<Vector2> waypoints)
    {
        _waypoints = waypoints;
        _next = 0;
        Finished = false;
    }

    /// <summary>The action that moves the body standing at <paramref name="at"/> along the route.</summary>
    public object Act(FloorPose at)
    {
        (Vector2 position, float yaw) = (at.Position, at.Yaw);
        // More than half a step: a waypoint overshot by a forward step is then within reach,
        // so the controller cannot cycle around one it passes (turn back, overshoot, turn back).
        float stepTolerance = Math.Max(_settings.ForwardStep * 0.6f, 0.1f);
        while (_next < _waypoints.Count - 1 && Vector2.Distance(position, _waypoints[_next]) < stepTolerance) _next++;
        bool atGoal = _waypoints.Count == 0 || (_next == _waypoints.Count - 1 && Vector2.Distance(position, _waypoints[_next]) < _goalTolerance);
        if (atGoal)
        {
            Finished = true;
            return _space is DiscreteSpace ? (long)DiscreteAction.Stop : Zero();
        }
        Vector2 d = _waypoints[_next] - position;
        float bearing = Kinematics.WrapAngle(MathF.Atan2(-d.X, -d.Y) - yaw);
        float distance = d.Length();
        if (_space is DiscreteSpace)
        {
            if (MathF.Abs(bearing) > _settings.TurnStep * 0.5f)
                return (long)(bearing > 0 ? DiscreteAction.TurnLeft : DiscreteAction.TurnRight);
            return (long)DiscreteAction.Forward;
        }
        var box = (BoxSpace)_space;
        float maxTurn = (float)box.High[box.Count == 3 ? 2 : 3];
        float maxSpeed = (float)box.High[0];
        float turn = Math.Clamp(bearing / _settings.Dt, -maxTurn, maxTurn);
        float forward = MathF.Abs(bearing) < 0.35f ? Math.Min(maxSpeed, distance / _settings.Dt) * MathF.Cos(bearing) : 0f;
        double[] values = box.Count == 3 ? [forward, 0, turn] : [forward, 0, 0, turn, 0, 0];
        return box.Make(values);
    }

    private object Zero() => ((BoxSpace)_space).Make(new double[((BoxSpace)_space).Count]);

    /// <summary>Reads (x, z) and heading from a step info's "pose" entry (x, y, z, qx, qy, qz, qw).</summary>
    public static FloorPose ReadPose(IReadOnlyDictionary<string, object?> info)
    {
        if (!info.TryGetValue(InfoKeys.Pose.Name, out object? p) || p is null) throw new InvalidOperationException("The step info has no 'pose'; waypoint agents need it.");
        double[] v = p switch
        {
            double[] d => d,
            float[] f => f.Select(x => (double)x).ToArray(),
            NDArray a => a.ToDoubleArray(),
            IEnumerable<object> o => o.Select(Convert.ToDouble).ToArray(),
            _ => throw new InvalidOperationException($"The info 'pose' has an unexpected type {p.GetType().Name}."),
        };
        return FloorPose.Of(Pose.FromArray(v.Select(x => (float)x).ToArray()));
    }
}
