using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Navigation;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// Plans the loop of the revisit measurement (docs/memory.md, "memory-eval"): leave a pose, wander,
/// and be back at exactly that pose and heading after exactly <c>gap</c> steps.
/// <para>The way out is a seeded walk between random free points of the floor, along shortest
/// paths (turn towards the next waypoint, then move), so it leaves the area instead of jittering
/// in place. Before each step out the planner checks that the way back from the new pose still
/// fits in the steps left; when it would not, the robot turns on the spot, away from its first
/// heading, for as long as the way back still fits (so a short gap looks away instead of
/// idling), and then turns back. The way back is the shortest path
/// to the start followed by a turn to the first heading; spare steps (at most a few) are spent by
/// cutting its longest moves and turns into smaller ones, never by standing still while a move is
/// left. Every step moves at most <see cref="MotionLimits.ForwardStep"/> or turns at most
/// <see cref="MotionLimits.TurnStep"/>. Paths come from the world's <see cref="NavigationGrid"/>,
/// so they keep clear of walls and props.</para>
/// </summary>
public static class RevisitPlanner
{
    private const float Epsilon = 1e-5f;

    /// <summary>
    /// The loop of <paramref name="gap"/> steps from and back to <paramref name="start"/> in
    /// <paramref name="world"/> for an agent of <paramref name="agentRadius"/> metres, drawn from <paramref name="rng"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gap"/> is below 1.</exception>
    /// <exception cref="RtfmGymException">The start is not on the navigable floor.</exception>
    public static RevisitPlan Plan(World world, float agentRadius, FloorPose start, int gap, MotionLimits limits, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(rng);
        if (gap < 1) throw new ArgumentOutOfRangeException(nameof(gap), gap, "The gap must be at least one step.");
        DistanceField home = world.Navigation.DistancesTo(start.Position, agentRadius);
        if (!float.IsFinite(home.At(start.Position)))
            throw new RtfmGymException($"The revisit pose ({start.Position.X:0.##}, {start.Position.Y:0.##}) is not on the navigable floor of world seed {world.Seed}.");

        var poses = new List<FloorPose>(gap + 1) { start };
        var route = new Queue<Vector2>();
        FloorPose at = start;
        float farthest = 0, lookAround = 0;
        while (poses.Count - 1 < gap)
        {
            int left = gap - (poses.Count - 1);
            if (lookAround == 0)
            {
                if (NextStepOut(world, agentRadius, at, route, limits, rng) is { } next && Fits(next, left - 1))
                {
                    poses.Add(at = next);
                    farthest = MathF.Max(farthest, Vector2.Distance(start.Position, at.Position));
                    continue;
                }
                // Walking on would not leave time to come back: spend what is left looking further away instead.
                lookAround = Kinematics.WrapAngle(at.Yaw - start.Yaw) < 0 ? -limits.TurnStep : limits.TurnStep;
            }
            var turned = at with { Yaw = Kinematics.WrapAngle(at.Yaw + lookAround) };
            if (!Fits(turned, left - 1)) break;
            poses.Add(at = turned);
        }
        int turnaround = poses.Count - 1;
        List<Primitive> way = WayBack(home, at, start, limits)
            ?? throw new RtfmGymException($"No way back to ({start.Position.X:0.##}, {start.Position.Y:0.##}) in world seed {world.Seed}.");
        Emit(way, at, gap - turnaround, start, poses);
        return new RevisitPlan(poses, turnaround, farthest);

        bool Fits(FloorPose from, int steps) => WayBack(home, from, start, limits) is { } back && Count(back) <= steps;
    }

    /// <summary>One step of the walk out: towards the next waypoint of the route, drawing a new random destination when the route is done.</summary>
    private static FloorPose? NextStepOut(World world, float radius, FloorPose at, Queue<Vector2> route, MotionLimits limits, Rng rng)
    {
        for (int attempt = 0; attempt < 64; attempt++)
        {
            while (route.Count > 0 && Vector2.Distance(route.Peek(), at.Position) < Epsilon) route.Dequeue();
            if (route.Count > 0) break;
            // A destination at least a metre away, so the walk travels instead of shuffling.
            if (world.Navigation.TrySampleFree(rng, radius, out Vector2 goal) && Vector2.Distance(goal, at.Position) >= 1f
                && world.Navigation.ShortestPath(at.Position, goal, radius) is { } path)
            {
                foreach (Vector2 p in path.Skip(1)) route.Enqueue(p);
            }
        }
        if (route.Count == 0) return null;
        Vector2 target = route.Peek();
        float heading = FloorPose.HeadingTowards(at.Position, target);
        float turn = Kinematics.WrapAngle(heading - at.Yaw);
        if (MathF.Abs(turn) > Epsilon)
            return new FloorPose(at.Position, MathF.Abs(turn) <= limits.TurnStep ? heading : Kinematics.WrapAngle(at.Yaw + MathF.CopySign(limits.TurnStep, turn)));
        float distance = Vector2.Distance(at.Position, target);
        if (distance <= limits.ForwardStep) return new FloorPose(target, at.Yaw);
        return new FloorPose(at.Position + (target - at.Position) * (limits.ForwardStep / distance), at.Yaw);
    }

    /// <summary>A turn to a heading or a straight move to a point, split into <see cref="Steps"/> equal steps.</summary>
    private sealed class Primitive(bool isTurn, float heading, Vector2 point, float size, int minSteps)
    {
        public bool IsTurn => isTurn;
        public float Heading => heading;
        public Vector2 Point => point;

        /// <summary>Radians or metres, whichever the primitive does.</summary>
        public float Size => size;

        public int Steps { get; set; } = minSteps;
    }

    /// <summary>The way back from <paramref name="from"/>: shortest path (turn, move per segment), then the turn to the start's heading; null when unreachable.</summary>
    private static List<Primitive>? WayBack(DistanceField home, FloorPose from, FloorPose start, MotionLimits limits)
    {
        if (home.PathFrom(from.Position) is not { } path) return null;
        var way = new List<Primitive>();
        float yaw = from.Yaw;
        Vector2 at = from.Position;
        for (int i = 1; i < path.Count; i++)
        {
            // The last waypoint is the start itself, so the walk ends on its exact coordinates.
            Vector2 to = i == path.Count - 1 ? start.Position : path[i];
            float length = Vector2.Distance(at, to);
            if (length < Epsilon)
            {
                at = to;
                continue;
            }
            AddTurn(FloorPose.HeadingTowards(at, to), exact: false);
            way.Add(new Primitive(false, 0, to, length, Math.Max(1, (int)MathF.Ceiling(length / limits.ForwardStep - 1e-4f))));
            at = to;
        }
        // The last turn must land on the first heading bit for bit, however small it is.
        AddTurn(start.Yaw, exact: true);
        return way;

        void AddTurn(float heading, bool exact)
        {
            float turn = MathF.Abs(Kinematics.WrapAngle(heading - yaw));
            if (turn <= Epsilon && !(exact && heading != yaw)) return;
            way.Add(new Primitive(true, heading, default, turn, Math.Max(1, (int)MathF.Ceiling(turn / limits.TurnStep - 1e-4f))));
            yaw = heading;
        }
    }

    private static int Count(List<Primitive> way) => way.Sum(p => p.Steps);

    /// <summary>Appends the way back as exactly <paramref name="steps"/> poses ending on <paramref name="start"/>, spending spare steps on the coarsest primitives.</summary>
    private static void Emit(List<Primitive> way, FloorPose from, int steps, FloorPose start, List<FloorPose> poses)
    {
        int spare = steps - Count(way);
        if (spare < 0) throw new InvalidOperationException($"The way back needs {Count(way)} steps but only {steps} are left."); // Plan checks this before every step out
        for (; spare > 0 && way.Count > 0; spare--)
            way.MaxBy(p => p.Size / p.Steps)!.Steps++;
        FloorPose at = from;
        foreach (Primitive p in way)
        {
            FloorPose begin = at;
            float turn = Kinematics.WrapAngle(p.Heading - begin.Yaw);
            for (int k = 1; k <= p.Steps; k++)
            {
                float t = (float)k / p.Steps;
                at = k == p.Steps
                    ? (p.IsTurn ? begin with { Yaw = p.Heading } : begin with { Position = p.Point })
                    : (p.IsTurn ? begin with { Yaw = Kinematics.WrapAngle(begin.Yaw + turn * t) } : begin with { Position = Vector2.Lerp(begin.Position, p.Point, t) });
                poses.Add(at);
            }
        }
        // Already home with nothing to undo (tiny gaps): the robot holds still.
        for (; spare > 0; spare--) poses.Add(at);
        poses[^1] = start;
    }
}
