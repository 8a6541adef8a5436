namespace RtfmGym.Torch;

/// <summary>Resampling used by <c>interpolate</c>.</summary>
public enum InterpolationMode
{
    Nearest = 0,
    Bilinear = 1,
}
