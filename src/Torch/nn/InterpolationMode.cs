namespace RtfmGym.Torch;

/// <summary>Resampling used by <c>interpolate</c>.</summary>
public enum InterpolationMode
{
    /// <summary>Each output pixel copies the nearest input pixel.</summary>
    Nearest = 0,
    /// <summary>Each output pixel blends its four nearest input pixels linearly.</summary>
    Bilinear = 1,
}
