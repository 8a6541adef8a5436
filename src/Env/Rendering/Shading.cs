using System.Numerics;

namespace RtfmGym.Env.Rendering;

/// <summary>Small lighting formulas shared by the bake and the per-pixel shading.</summary>
internal static class Shading
{
    /// <summary>Blinn-Phong exponent of specular highlights.</summary>
    public const int Shininess = 32;

    /// <summary>Point-light falloff 1 / (1 + (d / range)^2) for squared distance <paramref name="dist2"/> in square metres.</summary>
    public static float Falloff(float dist2, float range) => 1f / (1f + dist2 / MathF.Max(range * range, 1e-6f));

    /// <summary>Rec. 709 luminance of a linear RGB colour.</summary>
    public static float Luminance(Vector3 c) => 0.2126f * c.X + 0.7152f * c.Y + 0.0722f * c.Z;

    /// <summary>x^32 by repeated squaring (<see cref="Shininess"/>).</summary>
    public static float Highlight(float cos)
    {
        float x = cos * cos;
        x *= x;
        x *= x;
        x *= x;
        return x * x;
    }
}
