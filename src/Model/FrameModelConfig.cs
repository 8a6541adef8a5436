using System.Text.Json.Serialization;

namespace RtfmGym.Model;

/// <summary>
/// The shape of a frame model: immutable, validated by <see cref="Validate"/>, saved as JSON beside
/// every checkpoint. Presets: <see cref="Tiny"/> (tests, seconds) and <see cref="Small"/> (the shipped model).
/// </summary>
public sealed record FrameModelConfig
{
    /// <summary>Preset name ("tiny", "small") or "custom".</summary>
    public string Preset { get; init; } = "custom";

    /// <summary>Square image side the model is trained at, pixels (32 to 128, a multiple of <see cref="PatchSize"/>).
    /// The network itself has no fixed resolution: pose reaches it as per-pixel rays, not as learned positions.</summary>
    public int ImageSize { get; init; } = 64;

    /// <summary>Side of the square patches that become tokens, pixels.</summary>
    public int PatchSize { get; init; } = 8;

    /// <summary>Token width (model dimension).</summary>
    public int Width { get; init; } = 128;

    /// <summary>Number of transformer blocks.</summary>
    public int Depth { get; init; } = 6;

    /// <summary>Attention heads per block; must divide <see cref="Width"/>.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Hidden width of each block's MLP as a multiple of <see cref="Width"/>.</summary>
    public int MlpRatio { get; init; } = 4;

    /// <summary>Most context frames the model is used with (the memory's retrieval count should not exceed it).</summary>
    public int MaxContext { get; init; } = 8;

    /// <summary>Metres per unit of ray origin in the Plücker embedding (positions are divided by it).</summary>
    public float PositionScale { get; init; } = 4f;

    /// <summary>Depth (metres) that the depth channel's encoding maps to its midpoint: e = 1 - 2·exp(-d / scale).</summary>
    public float DepthScale { get; init; } = 2.5f;

    /// <summary>Colour channels of a context frame (RGB).</summary>
    [JsonIgnore] public const int ContextChannels = 3;

    /// <summary>Channels the model generates: RGB and encoded depth.</summary>
    [JsonIgnore] public const int OutputChannels = 4;

    /// <summary>Plücker ray channels per pixel: direction (3) and moment (3).</summary>
    [JsonIgnore] public const int RayChannels = 6;

    /// <summary>Values in one patch of a context frame's input (colour and rays).</summary>
    [JsonIgnore] public int ContextPatchValues => (ContextChannels + RayChannels) * PatchSize * PatchSize;

    /// <summary>Values in one patch of the target's input (noisy RGB-D and rays).</summary>
    [JsonIgnore] public int TargetPatchValues => (OutputChannels + RayChannels) * PatchSize * PatchSize;

    /// <summary>Values in one patch of the output (RGB-D).</summary>
    [JsonIgnore] public int OutputPatchValues => OutputChannels * PatchSize * PatchSize;

    /// <summary>The test preset: 2 blocks of width 64, trains at 32x32 in seconds.</summary>
    public static FrameModelConfig Tiny => new() { Preset = "tiny", ImageSize = 32, PatchSize = 8, Width = 64, Depth = 2, Heads = 2, MlpRatio = 2 };

    /// <summary>The shipped preset: 4 blocks of width 128 at 64x64 (1.4 M parameters), sized to train on a 2-core CPU.</summary>
    public static FrameModelConfig Small => new() { Preset = "small", ImageSize = 64, PatchSize = 8, Width = 128, Depth = 4, Heads = 4, MlpRatio = 4 };

    /// <summary>The preset called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No preset has that name; the message lists them.</exception>
    public static FrameModelConfig FromPreset(string name) => name switch
    {
        "tiny" => Tiny,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown model preset '{name}'; available: tiny, small.", nameof(name)),
    };

    /// <summary>Checks an image side against this model: 32 to 128 and a multiple of the patch size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The side is not usable.</exception>
    public void CheckImageSize(int width, int height)
    {
        if (width is < 32 or > 128 || height is < 32 or > 128 || width % PatchSize != 0 || height % PatchSize != 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"The frame model draws images from 32 to 128 pixels a side in multiples of its patch size {PatchSize}; {width}x{height} is not one. Change the scenario's camera size, or draw with --frames ground-truth.");
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public FrameModelConfig Validate()
    {
        if (PatchSize is < 2 or > 32) throw new ArgumentOutOfRangeException(nameof(PatchSize), PatchSize, "Patch size must be 2 to 32 pixels.");
        CheckImageSize(ImageSize, ImageSize);
        if (Width is < 8 or > 4096) throw new ArgumentOutOfRangeException(nameof(Width), Width, "Width must be 8 to 4096.");
        if (Depth is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "Depth must be 1 to 64 blocks.");
        if (Heads < 1 || Width % Heads != 0) throw new ArgumentOutOfRangeException(nameof(Heads), Heads, $"Heads must divide the width {Width}.");
        if (MlpRatio is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(MlpRatio), MlpRatio, "MLP ratio must be 1 to 16.");
        if (MaxContext is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(MaxContext), MaxContext, "Max context must be 1 to 64 frames.");
        if (!(PositionScale > 0) || !(DepthScale > 0)) throw new ArgumentOutOfRangeException(nameof(PositionScale), "Position and depth scales must be positive metres.");
        return this;
    }
}
