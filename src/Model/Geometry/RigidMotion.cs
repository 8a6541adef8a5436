using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Model.Geometry;

/// <summary>
/// A rotation about the vertical axis followed by a translation: the motions that leave a
/// gravity-aligned world the same. Training applies a random one to every pose of a sample so the
/// model learns relative geometry rather than where worlds happen to sit; the frame source moves
/// each episode's world so its centre sits at the origin, inside the range training covered.
/// </summary>
public readonly record struct RigidMotion(float Yaw, Vector3 Translation)
{
    /// <summary>The motion that leaves poses unchanged.</summary>
    public static RigidMotion Identity => new(0f, Vector3.Zero);

    /// <summary>The motion taking <paramref name="pose"/> into the moved world.</summary>
    public Pose Apply(Pose pose)
    {
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, Yaw);
        return new Pose(Vector3.Transform(pose.Position, q) + Translation, Quaternion.Normalize(q * pose.Orientation));
    }
}
