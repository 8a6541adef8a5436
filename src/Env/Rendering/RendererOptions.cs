namespace RtfmGym.Env.Rendering;

/// <summary>
/// Settings of <see cref="GroundTruthRenderer"/>. Immutable; every value is checked when set,
/// so an options object that exists is valid.
/// </summary>
public sealed record RendererOptions
{
    private readonly int _threads = Environment.ProcessorCount;
    private readonly int _supersampling = 1;
    private readonly float _lightmapTexelsPerMetre = 4f;

    /// <summary>The defaults: shadows, reflections and texture filtering on, all cores, one sample per pixel.</summary>
    public static RendererOptions Default { get; } = new();

    /// <summary>Whether point lights are blocked by walls and props (hard shadows). Default on.</summary>
    public bool Shadows { get; init; } = true;

    /// <summary>Whether materials with reflectivity above zero show one mirror bounce. Default on.</summary>
    public bool Reflections { get; init; } = true;

    /// <summary>
    /// Whether procedural textures are box-filtered over each ray's footprint, which keeps
    /// distant patterns from shimmering at small image sizes. Default on.
    /// </summary>
    public bool TextureFiltering { get; init; } = true;

    /// <summary>Worker threads for one frame, a batch, and the lighting bake; 1 renders on the calling thread. Default: all cores.</summary>
    public int Threads
    {
        get => _threads;
        init => _threads = value is >= 1 and <= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(Threads), value, "Threads must be between 1 and 1024.");
    }

    /// <summary>
    /// Colour samples per pixel along each axis (1 to 4; 2 means 2x2 = 4 rays per pixel on a
    /// stratified grid). Depth and object ids always come from the pixel-centre ray. Default 1.
    /// </summary>
    public int Supersampling
    {
        get => _supersampling;
        init => _supersampling = value is >= 1 and <= 4 ? value : throw new ArgumentOutOfRangeException(nameof(Supersampling), value, "Supersampling must be between 1 and 4 samples per axis.");
    }

    /// <summary>
    /// Resolution of the baked direct light on walls, floors and ceilings, in lightmap samples
    /// per metre (0.5 to 32). Higher gives crisper shadow edges at a longer bake. Default 4.
    /// </summary>
    public float LightmapTexelsPerMetre
    {
        get => _lightmapTexelsPerMetre;
        init => _lightmapTexelsPerMetre = value is >= 0.5f and <= 32f ? value : throw new ArgumentOutOfRangeException(nameof(LightmapTexelsPerMetre), value, "Lightmap resolution must be between 0.5 and 32 samples per metre.");
    }
}
