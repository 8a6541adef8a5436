using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Navigation;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tasks;

/// <summary>
/// PointNav as in Habitat. Success: ending within the success radius (straight-line, metres)
/// of the goal, by taking the stop action when the action kind has one, or on arrival when
/// it has none; stopping elsewhere ends the episode as a failure. Reward per step: decrease
/// of the geodesic distance to the goal, minus the step cost, plus the success reward on
/// success. At the end: success, SPL = S * d0 / max(d0, p) and soft-SPL =
/// (1 - min(d_T / d0, 1)) * d0 / max(d0, p), with d0 the geodesic start distance and p the
/// path length actually travelled. The "goal" observation is (distance in metres, bearing in
/// radians, + to the left), Habitat's point goal with GPS and compass.
/// </summary>
public sealed class PointNavTask : INavigationTask
{
    private static readonly BoxSpace Goal = new([0, -Math.PI], [double.PositiveInfinity, Math.PI], [2]);
    private TaskContext? _context;
    private DistanceField? _field;
    private float _previous;
    private bool _success;

    /// <inheritdoc/>
    public BoxSpace? GoalSpace => Goal;

    /// <summary>The goal (x, z), metres.</summary>
    public Vector2 GoalPosition { get; private set; }

    /// <summary>Geodesic distance from the start to the goal, metres.</summary>
    public float StartDistance { get; private set; }

    /// <summary>Metres travelled so far.</summary>
    public float PathLength { get; private set; }

    /// <summary>Geodesic distance to the goal after the last step, metres.</summary>
    public float DistanceToGoal => _previous;

    /// <summary>Straight-line distance to the goal after the last step, metres.</summary>
    public float EuclideanDistanceToGoal { get; private set; }

    /// <inheritdoc/>
    public void Reset(TaskContext context, Pose start)
    {
        _context = context;
        var startXZ = new Vector2(start.Position.X, start.Position.Z);
        GoalPosition = context.Scenario.Task.Goal ?? DrawGoal(context, startXZ);
        _field = context.World.Navigation.DistancesTo(GoalPosition, context.Scenario.AgentRadius);
        StartDistance = _field.At(startXZ);
        if (!float.IsFinite(StartDistance))
            throw new RtfmGymException($"The goal ({GoalPosition.X:0.##}, {GoalPosition.Y:0.##}) cannot be reached from the start ({startXZ.X:0.##}, {startXZ.Y:0.##}) in world seed {context.World.Seed}.");
        _previous = StartDistance;
        EuclideanDistanceToGoal = Vector2.Distance(startXZ, GoalPosition);
        PathLength = 0;
        _success = false;
    }

    /// <inheritdoc/>
    public TaskStep Step(Pose pose, MoveResult move, bool stopRequested)
    {
        var ctx = _context ?? throw new InvalidOperationException("Reset the task first.");
        var xz = new Vector2(pose.Position.X, pose.Position.Z);
        PathLength += move.Distance;
        float d = _field!.At(xz);
        if (!float.IsFinite(d)) d = _previous; // off the path grid for a moment (hugging a wall): no progress either way
        EuclideanDistanceToGoal = Vector2.Distance(xz, GoalPosition);
        double reward = (_previous - d) - ctx.Scenario.Task.StepCost;
        _previous = d;
        bool within = EuclideanDistanceToGoal <= ctx.Scenario.Task.SuccessRadius;
        bool terminated = ctx.HasStop ? stopRequested : within;
        if (terminated && within)
        {
            _success = true;
            reward += ctx.Scenario.Task.SuccessReward;
        }
        return new TaskStep(reward, terminated);
    }

    /// <inheritdoc/>
    public void WriteInfo(IDictionary<string, object?> info, bool episodeOver)
    {
        InfoKeys.DistanceToGoal.Write(info, _previous);
        InfoKeys.Goal.Write(info, [GoalPosition.X, GoalPosition.Y]);
        InfoKeys.PathLength.Write(info, PathLength);
        if (!episodeOver) return;
        double s = _success ? 1 : 0, d0 = StartDistance, p = PathLength;
        double ratio = d0 / Math.Max(d0, p);
        InfoKeys.Success.Write(info, _success);
        InfoKeys.Spl.Write(info, s * ratio);
        InfoKeys.SoftSpl.Write(info, (1 - Math.Min(_previous / Math.Max(d0, 1e-6), 1)) * ratio);
        InfoKeys.StartDistance.Write(info, d0);
    }

    /// <inheritdoc/>
    public NDArray? GoalObservation(Pose pose)
    {
        Vector3 local = pose.InverseTransformPoint(new Vector3(GoalPosition.X, pose.Position.Y, GoalPosition.Y));
        float distance = new Vector2(local.X, local.Z).Length();
        float bearing = MathF.Atan2(-local.X, -local.Z);
        return NDArray.Vector(distance, bearing);
    }

    // The distance field is immutable once built, so the state shares it.
    /// <inheritdoc/>
    public object Capture() =>
        new State(_context, _field, _previous, _success, GoalPosition, StartDistance, PathLength, EuclideanDistanceToGoal);

    /// <inheritdoc/>
    public void Restore(object state)
    {
        var s = (State)state;
        (_context, _field, _previous, _success) = (s.Context, s.Field, s.Previous, s.Success);
        (GoalPosition, StartDistance, PathLength, EuclideanDistanceToGoal) = (s.Goal, s.StartDistance, s.PathLength, s.Euclidean);
    }

    private sealed record State(TaskContext? Context, DistanceField? Field, float Previous, bool Success, Vector2 Goal, float StartDistance, float PathLength, float Euclidean);

    private static Vector2 DrawGoal(TaskContext ctx, Vector2 start)
    {
        var t = ctx.Scenario.Task;
        float radius = ctx.Scenario.AgentRadius;
        DistanceField fromStart = ctx.World.Navigation.DistancesTo(start, radius);
        Vector2 best = start;
        float bestD = -1;
        for (int attempt = 0; attempt < 400; attempt++)
        {
            if (!ctx.World.Navigation.TrySampleFree(ctx.Rng, radius, out Vector2 g)) break;
            float d = fromStart.At(g);
            if (!float.IsFinite(d)) continue;
            if (d >= t.MinGoalDistance && d <= t.MaxGoalDistance) return g;
            if (d <= t.MaxGoalDistance && d > bestD) (best, bestD) = (g, d); // closest to the wanted range, if none falls in it
        }
        if (bestD <= t.SuccessRadius)
            throw new RtfmGymException($"No reachable goal {t.MinGoalDistance}-{t.MaxGoalDistance} m away from the start ({start.X:0.##}, {start.Y:0.##}) in world seed {ctx.World.Seed}; widen task.min_goal_distance/max_goal_distance.");
        return best;
    }
}
