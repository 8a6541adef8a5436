using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// Draws a world from above: floor cells in their room's floor colour (the average of the
/// material's two colours), walls dark, props filled in their material colour and outlined,
/// lights as yellow dots. Draw paths, agents and goals on the returned <see cref="WorldMap"/>.
/// </summary>
public static class WorldMapRenderer
{
    /// <summary>The largest map side in pixels.</summary>
    public const int MaxSide = 8192;

    private static readonly MapColor WallColor = new(35, 35, 40);
    private static readonly MapColor OutlineColor = new(20, 20, 20);

    /// <summary>A map of <paramref name="world"/> at <paramref name="pixelsPerMetre"/> (image size = world size times scale, rounded up).</summary>
    public static WorldMap Render(World world, float pixelsPerMetre = 20f)
    {
        ArgumentNullException.ThrowIfNull(world);
        int width = (int)MathF.Ceiling(world.SizeX * pixelsPerMetre), height = (int)MathF.Ceiling(world.SizeZ * pixelsPerMetre);
        if (!(pixelsPerMetre > 0) || width > MaxSide || height > MaxSide)
            throw new ArgumentOutOfRangeException(nameof(pixelsPerMetre), pixelsPerMetre, $"The scale must be positive and give at most {MaxSide} pixels a side.");
        var map = new WorldMap(Math.Max(1, width), Math.Max(1, height), pixelsPerMetre);

        MapColor[] roomColor = world.Rooms.Select(r => Swatch(world.Materials[r.FloorMaterial])).ToArray();
        for (int y = 0; y < map.Height; y++)
        for (int x = 0; x < map.Width; x++)
        {
            int room = world.RoomAt((x + 0.5f) / pixelsPerMetre, (y + 0.5f) / pixelsPerMetre);
            MapColor c = room >= 0 ? roomColor[room] : WallColor;
            int k = (y * map.Width + x) * 3;
            (map.Rgb[k], map.Rgb[k + 1], map.Rgb[k + 2]) = (c.R, c.G, c.B);
        }

        foreach (Prop p in world.Props)
        {
            MapColor fill = Swatch(world.Materials[p.Material]);
            Vector2 c = map.ToPixel(new Vector2(p.Center.X, p.Center.Z));
            if (p.Shape == PropShape.Box)
            {
                Vector2 h = new Vector2(p.HalfExtents.X, p.HalfExtents.Z) * pixelsPerMetre;
                map.FillRect(c - h, c + h, fill);
                map.DrawRect(c - h, c + h, OutlineColor);
            }
            else
            {
                float r = p.HalfExtents.X * pixelsPerMetre;
                map.FillDisc(c, r, fill);
                map.DrawCircle(c, r, OutlineColor);
            }
        }

        foreach (PointLight l in world.Lights)
        {
            Vector2 c = map.ToPixel(new Vector2(l.Position.X, l.Position.Z));
            float r = MathF.Max(2f, 0.12f * pixelsPerMetre);
            map.FillDisc(c, r, MapColor.Light);
            map.DrawCircle(c, r, OutlineColor);
        }
        return map;
    }

    /// <summary>A material's average colour in sRGB, lifted a little so dark floors stay distinct from walls.</summary>
    private static MapColor Swatch(Material m)
    {
        Vector3 c = (m.ColorA + m.ColorB) * 0.5f * 0.85f + new Vector3(0.08f);
        return new MapColor(Encode(c.X), Encode(c.Y), Encode(c.Z));
        static byte Encode(float v) => (byte)Math.Clamp((int)MathF.Round(ToneMapper.Curve(v) * 255), 0, 255);
    }
}
