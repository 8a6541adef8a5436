using System.Numerics;

namespace RtfmGym.Env.Worlds;

/// <summary>A point light in metres with a linear-RGB colour times intensity; falloff is 1 / (1 + (d / Range)^2).</summary>
public sealed record PointLight(Vector3 Position, Vector3 Color, float Intensity, float Range);
