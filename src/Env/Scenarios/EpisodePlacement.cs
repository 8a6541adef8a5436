using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Scenarios;

/// <summary>
/// Whether a start pose, a PointNav goal and a start image's pose fit a world: the start on free floor (and, for a flying
/// body, at a height inside the room), the goal on the floor and reachable from the start. Shared by
/// the scenario loader (which adds file, line and field) and by reset options (which name the option).
/// Each check returns null when the value fits, else a sentence saying why not and what to do.
/// </summary>
public static class EpisodePlacement
{
    /// <summary>Why <paramref name="start"/> does not fit <paramref name="world"/> for a body of <paramref name="radius"/> metres, or null.</summary>
    public static string? StartProblem(World world, FloorPose start, float radius)
    {
        if (!world.Navigation.IsFree(start.Position, radius))
            return $"({start.Position.X:0.###}, {start.Position.Y:0.###}) is inside a wall or furniture of world seed {world.Seed} (or closer than the agent radius {radius} m); pick a free point (see the map from `rtfmgym render SCENARIO --map`).";
        if (start.Altitude is { } alt && (alt < radius || alt > world.CeilingHeight - radius))
            return $"altitude {alt} m is outside the room's free height {radius} to {world.CeilingHeight - radius} m.";
        return null;
    }

    /// <summary>Why a picture seen from <paramref name="pose"/> does not fit <paramref name="world"/> (its camera outside the world's bounds), or null; walls do not matter.</summary>
    public static string? ImagePoseProblem(World world, FloorPose pose)
    {
        Vector2 p = pose.Position;
        if (p.X >= 0 && p.Y >= 0 && p.X <= world.SizeX && p.Y <= world.SizeZ) return null;
        return $"({p.X:0.###}, {p.Y:0.###}) is outside world seed {world.Seed}, which spans 0 to {world.SizeX:0.###} m in x and 0 to {world.SizeZ:0.###} m in z.";
    }

    /// <summary>Why <paramref name="goal"/> (x, z, metres) does not fit <paramref name="world"/>, or null; with a <paramref name="start"/>, the goal must be reachable from it.</summary>
    public static string? GoalProblem(World world, Vector2 goal, FloorPose? start, float radius)
    {
        if (goal.X < 0 || goal.Y < 0 || goal.X > world.SizeX || goal.Y > world.SizeZ || world.RoomAt(goal.X, goal.Y) < 0)
            return $"({goal.X:0.###}, {goal.Y:0.###}) is not on the floor of world seed {world.Seed}.";
        if (start is { } s && !world.Navigation.IsReachable(s.Position, goal, radius))
            return $"({goal.X:0.###}, {goal.Y:0.###}) cannot be reached from the start ({s.Position.X:0.###}, {s.Position.Y:0.###}) by an agent of radius {radius} m.";
        return null;
    }
}
