using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;
using RtfmGym.Imaging;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// A top-down picture of a spatial memory: the world map, every stored pose as a blue dot with a
/// tick along its heading, the final pose as the (red) agent marker ringed in red, and the entries
/// retrieved for it drawn on top, larger, in orange, with lines to it.
/// </summary>
public static class MemoryMapPicture
{
    private static readonly MapColor Stored = new(40, 90, 220);
    private static readonly MapColor Retrieved = new(255, 140, 0);
    private static readonly MapColor Outline = new(0, 0, 0);

    /// <summary>Draws the picture and writes it to <paramref name="file"/> as PNG (atomically).</summary>
    /// <param name="file">Path of the PNG to write; replaced if it exists.</param>
    /// <param name="world">The world whose top-down map is the background.</param>
    /// <param name="memory">The memory whose stored poses are drawn.</param>
    /// <param name="retrieved">Ids of the entries retrieved for <paramref name="finalPose"/>, drawn highlighted.</param>
    /// <param name="finalPose">The agent's last camera pose (world, metres), drawn as the agent marker.</param>
    /// <param name="pixelsPerMetre">Scale of the map (default 32).</param>
    public static void Write(string file, World world, SpatialMemory memory, IReadOnlyCollection<long> retrieved, Pose finalPose, float pixelsPerMetre = 32f)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(retrieved);
        WorldMap map = WorldMapRenderer.Render(world, pixelsPerMetre);
        float tick = 0.2f * pixelsPerMetre;
        foreach (MemoryEntry e in memory.Entries.Where(e => !retrieved.Contains(e.Id)))
        {
            var (at, heading) = Place(map, e.Pose);
            map.DrawLine(at, at + heading * tick, Stored, 1f);
            map.FillDisc(at, 1.2f, Stored);
        }
        Vector2 final = map.ToPixel(new Vector2(finalPose.Position.X, finalPose.Position.Z));
        MemoryEntry[] picked = memory.Entries.Where(e => retrieved.Contains(e.Id)).ToArray();
        foreach (MemoryEntry e in picked) map.DrawLine(Place(map, e.Pose).At, final, Retrieved, 1f);
        // The final pose goes under the retrieved entries: they often stand right where it stands.
        map.DrawAgent(finalPose, MapColor.Agent, radiusMetres: 0.15f);
        foreach (MemoryEntry e in picked)
        {
            var (at, heading) = Place(map, e.Pose);
            map.DrawLine(at, at + heading * tick * 1.6f, Retrieved, 2f);
            map.FillDisc(at, 3f, Retrieved);
            map.DrawCircle(at, 3f, Outline, 1f);
        }
        // A ring keeps the final pose visible when retrieved entries cover its marker.
        map.DrawCircle(final, 0.3f * pixelsPerMetre, MapColor.Agent, 2f);
        PngWriter.Write(file, map.Width, map.Height, map.Rgb);
    }

    /// <summary>Image position and unit heading direction (image x right, y down = world +z) of a pose.</summary>
    private static (Vector2 At, Vector2 Heading) Place(WorldMap map, Pose pose)
    {
        Vector3 f = pose.Forward;
        var h = new Vector2(f.X, f.Z);
        return (map.ToPixel(new Vector2(pose.Position.X, pose.Position.Z)), h.LengthSquared() > 1e-8f ? Vector2.Normalize(h) : new Vector2(0, -1));
    }
}
