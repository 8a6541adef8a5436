namespace RtfmGym.Env.Worlds;

/// <summary>Procedural texture patterns; each mixes a material's two colours.</summary>
public enum MaterialPattern
{
    Solid,
    Checker,
    Stripes,
    Tiles,
    Noise,
    Wood,
}
