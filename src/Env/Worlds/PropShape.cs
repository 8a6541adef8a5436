namespace RtfmGym.Env.Worlds;

/// <summary>Furniture primitives.</summary>
public enum PropShape
{
    /// <summary>An axis-aligned box.</summary>
    Box,

    /// <summary>A vertical cylinder standing on its base.</summary>
    Cylinder,

    /// <summary>A sphere.</summary>
    Sphere,
}
