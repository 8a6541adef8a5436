using System.Numerics;

namespace RtfmGym.Env.Rendering;

/// <summary>Small lighting formulas shared by the bake and the per-pixel shading.</summary>
internal static class Shading
{
    /// <summary>Point-light falloff 1 / (1 + (d / range)^2) for squared distance <paramref name="dist2"/> in square metres.</summary>
    public static float Falloff(float dist2, float range) => 1f / (1f + dist2 / MathF.Max(range * range, 1e-6f));

    /// <summary>Rec. 709 luminance of a linear RGB colour.</summary>
    public static float Luminance(Vector3 c) => 0.2126f * c.X + 0.7152f * c.Y + 0.0722f * c.Z;

    /// <summary>
    /// The Blinn-Phong lobe (n . h)^32 for unit normal <paramref name="n"/>, unit direction to the
    /// light <paramref name="toLight"/> and unit view ray direction <paramref name="rayDir"/>,
    /// from the squared cosine so the half vector needs no square root.
    /// </summary>
    public static float Highlight(Vector3 n, Vector3 toLight, Vector3 rayDir)
    {
        Vector3 h = toLight - rayDir;
        float nh = Vector3.Dot(n, h);
        if (nh <= 0) return 0;
        float c2 = nh * nh / MathF.Max(h.LengthSquared(), 1e-12f);
        c2 *= c2;
        c2 *= c2;
        c2 *= c2;
        return c2 * c2;
    }
}
