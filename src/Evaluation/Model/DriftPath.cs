using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// A long walk that never comes back, for the drift figure: the shortest path between the two
/// far-apart free points of a world (a double sweep: the free point geodesically farthest from a
/// random one, then the point farthest from that), walked as a discrete agent would: forward steps
/// of <see cref="StepMetres"/> (shorter at the end of a straight stretch) and, where the path bends, turns of at most <see cref="TurnDegrees"/>
/// on the spot until the camera faces along the next stretch. Pose i is the camera after i actions.
/// </summary>
public static class DriftPath
{
    /// <summary>Forward step, metres (the shipped scenarios' forward_step).</summary>
    public const float StepMetres = 0.25f;

    /// <summary>Largest turn per step, degrees (the shipped scenarios' turn_degrees).</summary>
    public const float TurnDegrees = 10f;

    /// <summary>Agent radius the path keeps clear of walls, metres.</summary>
    public const float AgentRadius = 0.2f;

    private const int Candidates = 64;

    /// <summary>
    /// The walk's camera poses in <paramref name="world"/> (the start first) at <paramref name="height"/> metres,
    /// level; empty when the world has fewer than two connected free points.
    /// </summary>
    public static IReadOnlyList<Pose> Build(World world, ulong seed, float height)
    {
        ArgumentNullException.ThrowIfNull(world);
        var rng = Rng.Derive(seed, "drift path");
        var points = new List<Vector2>();
        for (int i = 0; i < Candidates; i++)
            if (world.Navigation.TrySampleFree(rng, AgentRadius, out Vector2 p)) points.Add(p);
        if (points.Count < 2) return [];
        Vector2 a = Farthest(world, points[0], points);
        Vector2 b = Farthest(world, a, points);
        IReadOnlyList<Vector2>? path = world.Navigation.ShortestPath(a, b, AgentRadius);
        return path is null || path.Count < 2 ? [] : Walk(path, height);
    }

    /// <summary>The camera poses of walking <paramref name="waypoints"/> (metres, x and z) by forward steps and turns.</summary>
    public static IReadOnlyList<Pose> Walk(IReadOnlyList<Vector2> waypoints, float height)
    {
        ArgumentNullException.ThrowIfNull(waypoints);
        var poses = new List<Pose>();
        Vector2 at = waypoints[0];
        float yaw = float.NaN;
        float maxTurn = TurnDegrees * MathF.PI / 180f;
        for (int w = 1; w < waypoints.Count; w++)
        {
            Vector2 to = waypoints[w];
            while (Vector2.Distance(at, to) > 1e-4f)
            {
                Vector2 d = Vector2.Normalize(to - at);
                float heading = MathF.Atan2(-d.X, -d.Y); // yaw 0 looks along -z, positive yaw turns left
                if (float.IsNaN(yaw))
                {
                    yaw = heading;
                    poses.Add(Pose.FromYawPitchRoll(at.X, height, at.Y, yaw));
                }
                float turn = Wrap(heading - yaw);
                while (MathF.Abs(turn) > 1e-4f)
                {
                    yaw += Math.Clamp(turn, -maxTurn, maxTurn);
                    turn = Wrap(heading - yaw);
                    poses.Add(Pose.FromYawPitchRoll(at.X, height, at.Y, yaw));
                }
                float step = MathF.Min(StepMetres, Vector2.Distance(at, to));
                at += d * step;
                poses.Add(Pose.FromYawPitchRoll(at.X, height, at.Y, yaw));
            }
        }
        return poses;
    }

    private static Vector2 Farthest(World world, Vector2 from, IReadOnlyList<Vector2> points)
    {
        var field = world.Navigation.DistancesTo(from, AgentRadius);
        Vector2 best = from;
        float bestDistance = 0;
        foreach (Vector2 p in points)
        {
            float d = field.At(p);
            if (float.IsFinite(d) && d > bestDistance) (best, bestDistance) = (p, d);
        }
        return best;
    }

    private static float Wrap(float angle)
    {
        while (angle > MathF.PI) angle -= 2 * MathF.PI;
        while (angle < -MathF.PI) angle += 2 * MathF.PI;
        return angle;
    }
}
