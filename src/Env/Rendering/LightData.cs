using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>A point light flattened for the per-pixel loops: no property calls, no division by the range.</summary>
internal readonly struct LightData(PointLight light)
{
    /// <summary>World position, metres.</summary>
    public readonly Vector3 Position = light.Position;

    /// <summary>Colour times intensity, linear RGB.</summary>
    public readonly Vector3 Radiance = light.Color * light.Intensity;

    /// <summary>1 / Range^2, per square metre.</summary>
    public readonly float InvRange2 = 1f / MathF.Max(light.Range * light.Range, 1e-6f);

    /// <summary>The falloff 1 / (1 + (d / Range)^2) at squared distance <paramref name="dist2"/>.</summary>
    public float Falloff(float dist2) => 1f / (1f + dist2 * InvRange2);
}
