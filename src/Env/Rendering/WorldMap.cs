using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// A top-down picture of a world that can be drawn on: RGB bytes in HWC order, row 0 at the
/// top. Image x grows with world x and image rows grow with world z, so a heading of yaw 0
/// (looking along world -Z) points up the image and positive yaw turns counter-clockwise.
/// Drawing outside the image is clipped.
/// </summary>
public sealed class WorldMap
{
    internal WorldMap(int width, int height, float pixelsPerMetre)
    {
        Width = width;
        Height = height;
        PixelsPerMetre = pixelsPerMetre;
        Rgb = new byte[width * height * 3];
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Scale: pixels per metre of world.</summary>
    public float PixelsPerMetre { get; }

    /// <summary>The picture, HWC, length Width * Height * 3 (pass to PngWriter.Write).</summary>
    public byte[] Rgb { get; }

    /// <summary>Image position (pixels, fractional) of world point (x, z) in metres.</summary>
    public Vector2 ToPixel(Vector2 worldXz) => worldXz * PixelsPerMetre;

    /// <summary>The colour of pixel (x, y).</summary>
    public MapColor GetPixel(int x, int y)
    {
        int k = (y * Width + x) * 3;
        return new MapColor(Rgb[k], Rgb[k + 1], Rgb[k + 2]);
    }

    /// <summary>Draws a polyline through world points (x, z) in metres, <paramref name="thickness"/> pixels wide.</summary>
    public void DrawPath(IReadOnlyList<Vector2> pointsXz, MapColor color, float thickness = 2f)
    {
        ArgumentNullException.ThrowIfNull(pointsXz);
        if (pointsXz.Count == 1) FillDisc(ToPixel(pointsXz[0]), thickness / 2, color);
        for (int k = 1; k < pointsXz.Count; k++) DrawLine(ToPixel(pointsXz[k - 1]), ToPixel(pointsXz[k]), color, thickness);
    }

    /// <summary>Draws an agent: a disc of <paramref name="radiusMetres"/> with a wedge pointing along the pose's heading.</summary>
    public void DrawAgent(Pose pose, MapColor color, float radiusMetres = 0.25f)
    {
        Vector2 c = ToPixel(new Vector2(pose.Position.X, pose.Position.Z));
        float r = MathF.Max(radiusMetres * PixelsPerMetre, 2f);
        Vector3 f = pose.Forward;
        Vector2 heading = new Vector2(f.X, f.Z) is { } h && h.LengthSquared() > 1e-8f ? Vector2.Normalize(h) : new Vector2(0, -1);
        var side = new Vector2(-heading.Y, heading.X);
        FillDisc(c, r * 0.7f, color);
        FillTriangle(c + heading * (r * 1.6f), c + side * (r * 0.7f), c - side * (r * 0.7f), color);
        DrawCircle(c, r * 0.7f, new MapColor(0, 0, 0), 1f);
    }

    /// <summary>Draws a goal marker (a ring with a centre dot) at world point (x, z).</summary>
    public void DrawGoal(Vector2 worldXz, MapColor color, float radiusMetres = 0.3f)
    {
        Vector2 c = ToPixel(worldXz);
        float r = MathF.Max(radiusMetres * PixelsPerMetre, 3f);
        DrawCircle(c, r, color, MathF.Max(1.5f, r * 0.25f));
        FillDisc(c, MathF.Max(1f, r * 0.3f), color);
    }

    /// <summary>Draws a line between image points (pixels), <paramref name="thickness"/> pixels wide.</summary>
    public void DrawLine(Vector2 a, Vector2 b, MapColor color, float thickness = 1f)
    {
        float half = MathF.Max(thickness, 1f) / 2;
        Vector2 lo = Vector2.Min(a, b) - new Vector2(half + 1), hi = Vector2.Max(a, b) + new Vector2(half + 1);
        Vector2 ab = b - a;
        float len2 = MathF.Max(ab.LengthSquared(), 1e-6f);
        ForPixels(lo, hi, p =>
        {
            float t = Math.Clamp(Vector2.Dot(p - a, ab) / len2, 0, 1);
            return Vector2.DistanceSquared(p, a + t * ab) <= half * half;
        }, color);
    }

    /// <summary>Fills a disc at image point <paramref name="c"/> (pixels).</summary>
    public void FillDisc(Vector2 c, float radius, MapColor color) =>
        ForPixels(c - new Vector2(radius + 1), c + new Vector2(radius + 1), p => Vector2.DistanceSquared(p, c) <= radius * radius, color);

    /// <summary>Draws a circle outline at image point <paramref name="c"/> (pixels).</summary>
    public void DrawCircle(Vector2 c, float radius, MapColor color, float thickness = 1f)
    {
        float half = MathF.Max(thickness, 1f) / 2;
        ForPixels(c - new Vector2(radius + half + 1), c + new Vector2(radius + half + 1),
            p => MathF.Abs(Vector2.Distance(p, c) - radius) <= half, color);
    }

    /// <summary>Fills an axis-aligned rectangle between image points (pixels).</summary>
    public void FillRect(Vector2 min, Vector2 max, MapColor color) =>
        ForPixels(min, max, p => p.X >= min.X && p.Y >= min.Y && p.X <= max.X && p.Y <= max.Y, color);

    /// <summary>Draws an axis-aligned rectangle outline between image points (pixels).</summary>
    public void DrawRect(Vector2 min, Vector2 max, MapColor color, float thickness = 1f)
    {
        DrawLine(min, new Vector2(max.X, min.Y), color, thickness);
        DrawLine(new Vector2(max.X, min.Y), max, color, thickness);
        DrawLine(max, new Vector2(min.X, max.Y), color, thickness);
        DrawLine(new Vector2(min.X, max.Y), min, color, thickness);
    }

    /// <summary>Fills a triangle given in image points (pixels).</summary>
    public void FillTriangle(Vector2 a, Vector2 b, Vector2 c, MapColor color)
    {
        static float Edge(Vector2 p, Vector2 q, Vector2 r) => (q.X - p.X) * (r.Y - p.Y) - (q.Y - p.Y) * (r.X - p.X);
        float area = Edge(a, b, c);
        if (MathF.Abs(area) < 1e-6f) return;
        ForPixels(Vector2.Min(a, Vector2.Min(b, c)), Vector2.Max(a, Vector2.Max(b, c)), p =>
        {
            float w0 = Edge(b, c, p) / area, w1 = Edge(c, a, p) / area, w2 = Edge(a, b, p) / area;
            return w0 >= 0 && w1 >= 0 && w2 >= 0;
        }, color);
    }

    /// <summary>Sets every pixel in the box whose centre passes <paramref name="inside"/>.</summary>
    private void ForPixels(Vector2 lo, Vector2 hi, Func<Vector2, bool> inside, MapColor color)
    {
        int x0 = Math.Max(0, (int)MathF.Floor(lo.X)), y0 = Math.Max(0, (int)MathF.Floor(lo.Y));
        int x1 = Math.Min(Width - 1, (int)MathF.Ceiling(hi.X)), y1 = Math.Min(Height - 1, (int)MathF.Ceiling(hi.Y));
        for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++)
        {
            if (!inside(new Vector2(x + 0.5f, y + 0.5f))) continue;
            int k = (y * Width + x) * 3;
            Rgb[k] = color.R;
            Rgb[k + 1] = color.G;
            Rgb[k + 2] = color.B;
        }
    }
}
