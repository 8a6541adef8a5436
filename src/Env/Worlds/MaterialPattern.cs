namespace RtfmGym.Env.Worlds;

/// <summary>Procedural texture patterns; each mixes a material's two colours.</summary>
public enum MaterialPattern
{
    /// <summary>One flat colour (the first).</summary>
    Solid,
    /// <summary>A checkerboard of the two colours.</summary>
    Checker,
    /// <summary>Parallel stripes of the two colours.</summary>
    Stripes,
    /// <summary>Tiles of the first colour separated by grout lines of the second.</summary>
    Tiles,
    /// <summary>Fractal value noise blending the two colours.</summary>
    Noise,
    /// <summary>Wood grain: rings of the two colours.</summary>
    Wood,
}
