using System.Numerics;

namespace RtfmGym.Env.Geometry;

/// <summary>
/// A rigid transform in SE(3): the pose of a camera or body in the world.
/// Conventions: metres; right-handed world with +Y up; a camera looks along its local -Z
/// with +X to its right and +Y up (OpenGL style). <see cref="Orientation"/> is a unit
/// quaternion rotating body coordinates into world coordinates. Yaw is the rotation about
/// +Y in radians; yaw 0 looks along world -Z, and positive yaw turns left (counter-clockwise
/// seen from above).
/// </summary>
public readonly record struct Pose(Vector3 Position, Quaternion Orientation)
{
    /// <summary>The pose at the origin looking along -Z.</summary>
    public static Pose Identity => new(Vector3.Zero, Quaternion.Identity);

    /// <summary>A pose at (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>) turned by <paramref name="yaw"/> radians about +Y,
    /// then tilted by <paramref name="pitch"/> (positive looks up) and rolled by <paramref name="roll"/>.</summary>
    public static Pose FromYawPitchRoll(float x, float y, float z, float yaw, float pitch = 0, float roll = 0) =>
        new(new Vector3(x, y, z), Quaternion.Normalize(Quaternion.CreateFromYawPitchRoll(yaw, pitch, roll)));

    /// <summary>The direction the camera looks (local -Z in world coordinates), unit length.</summary>
    public Vector3 Forward => Vector3.Transform(-Vector3.UnitZ, Orientation);

    /// <summary>The camera's right (local +X in world coordinates).</summary>
    public Vector3 Right => Vector3.Transform(Vector3.UnitX, Orientation);

    /// <summary>The camera's up (local +Y in world coordinates).</summary>
    public Vector3 Up => Vector3.Transform(Vector3.UnitY, Orientation);

    /// <summary>Heading about +Y in radians, in (-pi, pi]; 0 looks along -Z, positive turns left.</summary>
    public float Yaw
    {
        get
        {
            Vector3 f = Forward;
            return MathF.Atan2(-f.X, -f.Z);
        }
    }

    /// <summary>This pose followed by <paramref name="local"/> expressed in this pose's body frame.</summary>
    public Pose Compose(Pose local) =>
        new(Position + Vector3.Transform(local.Position, Orientation), Quaternion.Normalize(Orientation * local.Orientation));

    /// <summary>The inverse transform (world to body).</summary>
    public Pose Inverse()
    {
        Quaternion inv = Quaternion.Conjugate(Orientation);
        return new Pose(Vector3.Transform(-Position, inv), inv);
    }

    /// <summary>A body-frame point in world coordinates.</summary>
    public Vector3 TransformPoint(Vector3 local) => Position + Vector3.Transform(local, Orientation);

    /// <summary>A world point in body coordinates.</summary>
    public Vector3 InverseTransformPoint(Vector3 world) => Vector3.Transform(world - Position, Quaternion.Conjugate(Orientation));

    /// <summary>The angle in radians between this orientation and <paramref name="other"/>'s, in [0, pi].</summary>
    public float AngleTo(Pose other)
    {
        float dot = MathF.Abs(Quaternion.Dot(Quaternion.Normalize(Orientation), Quaternion.Normalize(other.Orientation)));
        return 2f * MathF.Acos(MathF.Min(1f, dot));
    }

    /// <summary>The pose as 7 floats: x, y, z, qx, qy, qz, qw (the observation's "pose" layout).</summary>
    public float[] ToArray() => [Position.X, Position.Y, Position.Z, Orientation.X, Orientation.Y, Orientation.Z, Orientation.W];

    /// <summary>Reads the 7-float layout of <see cref="ToArray"/>; the quaternion is normalised.</summary>
    public static Pose FromArray(ReadOnlySpan<float> v)
    {
        if (v.Length != 7) throw new ArgumentException($"A pose needs 7 numbers (x, y, z, qx, qy, qz, qw), got {v.Length}.", nameof(v));
        var q = new Quaternion(v[3], v[4], v[5], v[6]);
        if (q.LengthSquared() < 1e-12f) throw new ArgumentException("The pose's quaternion is zero.", nameof(v));
        return new Pose(new Vector3(v[0], v[1], v[2]), Quaternion.Normalize(q));
    }

    /// <summary>Position in metres (3 decimals) and yaw in degrees, e.g. <c>Pose(pos=(1.000, 0.600, 2.500), yaw=90.0deg)</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"Pose(pos=({Position.X:F3}, {Position.Y:F3}, {Position.Z:F3}), yaw={Yaw * 180 / MathF.PI:F1}deg)");
}
