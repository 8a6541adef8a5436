using System.Numerics;

namespace RtfmGym.Env.Worlds;

/// <summary>
/// A piece of furniture. <see cref="Center"/> is the centre of its bounding box in metres;
/// <see cref="HalfExtents"/> its half sizes along x, y, z (for a cylinder x = z = radius;
/// for a sphere all three equal the radius).
/// </summary>
public sealed record Prop(int Id, PropShape Shape, Vector3 Center, Vector3 HalfExtents, int Material, int RoomId)
{
    /// <summary>The lowest point's height, metres.</summary>
    public float Bottom => Center.Y - HalfExtents.Y;

    /// <summary>The highest point's height, metres.</summary>
    public float Top => Center.Y + HalfExtents.Y;
}
