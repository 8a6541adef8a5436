using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Imaging;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Tasks;

namespace RtfmGym.Cli.Output;

/// <summary>Writes a top-down map of an episode: the world, the path taken, the goal (PointNav) and the final pose.</summary>
public static class EpisodeMap
{
    /// <summary>Writes the map of <paramref name="env"/>'s current episode as a PNG (24 pixels per metre).</summary>
    /// <param name="file">The PNG to write (atomically).</param>
    /// <param name="env">The environment whose world, goal and current pose are drawn.</param>
    /// <param name="path">The agent's positions along the episode, world (x, z) in metres.</param>
    public static void Write(string file, RtfmEnvironment env, IReadOnlyList<Vector2> path)
    {
        WorldMap map = WorldMapRenderer.Render(env.World, pixelsPerMetre: 24f);
        if (path.Count > 1) map.DrawPath(path, MapColor.Path, 2f);
        if (env.Task is PointNavTask nav) map.DrawGoal(nav.GoalPosition, MapColor.Goal, env.Scenario.Task.SuccessRadius);
        map.DrawAgent(env.Pose, MapColor.Agent);
        PngWriter.Write(file, map.Width, map.Height, map.Rgb);
    }
}
