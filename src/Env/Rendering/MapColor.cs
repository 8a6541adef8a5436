namespace RtfmGym.Env.Rendering;

/// <summary>An 8-bit sRGB colour for <see cref="WorldMap"/> drawing.</summary>
public readonly record struct MapColor(byte R, byte G, byte B)
{
    /// <summary>Red, for the agent.</summary>
    public static MapColor Agent => new(230, 40, 40);
    /// <summary>Green, for the goal.</summary>
    public static MapColor Goal => new(30, 170, 60);
    /// <summary>Blue, for the path taken.</summary>
    public static MapColor Path => new(40, 90, 220);
    /// <summary>Yellow, for lights.</summary>
    public static MapColor Light => new(255, 210, 40);
}
