namespace RtfmGym.Env.Rendering;

/// <summary>An 8-bit sRGB colour for <see cref="WorldMap"/> drawing.</summary>
public readonly record struct MapColor(byte R, byte G, byte B)
{
    public static MapColor Agent => new(230, 40, 40);
    public static MapColor Goal => new(30, 170, 60);
    public static MapColor Path => new(40, 90, 220);
    public static MapColor Light => new(255, 210, 40);
}
