using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Tests.Memory;

/// <summary>Cameras, frames and poses for the memory tests.</summary>
internal static class MemoryFixtures
{
    /// <summary>A 32x32 camera with a 90 degree vertical field of view.</summary>
    public static CameraIntrinsics Camera { get; } = CameraIntrinsics.FromVerticalFov(32, 32, MathF.PI / 2);

    /// <summary>A flat frame of <paramref name="value"/>, with a constant depth when <paramref name="depth"/> is given.</summary>
    public static Frame Flat(byte value, float? depth = null)
    {
        var rgb = new byte[32 * 32 * 3];
        rgb.AsSpan().Fill(value);
        float[]? d = depth is { } v ? Enumerable.Repeat(v, 32 * 32).ToArray() : null;
        return new Frame(32, 32, rgb, d);
    }

    /// <summary>A frame whose bytes and depths all differ, so round trips catch any shuffle.</summary>
    public static Frame Varied(int seed)
    {
        var rgb = new byte[32 * 32 * 3];
        for (int i = 0; i < rgb.Length; i++) rgb[i] = (byte)(i * 31 + seed);
        var depth = new float[32 * 32];
        for (int i = 0; i < depth.Length; i++) depth[i] = 0.5f + i * 0.001f + seed;
        return new Frame(32, 32, rgb, depth);
    }

    /// <summary>
    /// The frame of <paramref name="value"/> seen from <paramref name="pose"/> through <see cref="Camera"/>
    /// in a world that is one wall, the plane z = <paramref name="wallZ"/> (the camera in front of it, at
    /// larger z): per-pixel depths along the view axis, infinite where the ray misses the wall. Views
    /// of one wall agree with each other, as views of a real world do.
    /// </summary>
    public static Frame Wall(byte value, Pose pose, float wallZ)
    {
        var rgb = new byte[32 * 32 * 3];
        rgb.AsSpan().Fill(value);
        var depth = new float[32 * 32];
        for (int y = 0; y < 32; y++)
        {
            for (int x = 0; x < 32; x++)
            {
                // The ray has z = -1 in the camera frame, so the distance along it in those units is the depth.
                System.Numerics.Vector3 world = System.Numerics.Vector3.Transform(Camera.RayDirection(x + 0.5f, y + 0.5f), pose.Orientation);
                float t = world.Z < -1e-6f ? (wallZ - pose.Position.Z) / world.Z : float.PositiveInfinity;
                depth[y * 32 + x] = t > 0 ? t : float.PositiveInfinity;
            }
        }
        return new Frame(32, 32, rgb, depth);
    }

    /// <summary>A level camera pose at (x, 1, z) with heading <paramref name="yawDegrees"/>.</summary>
    public static Pose At(float x, float z, float yawDegrees = 0) => Pose.FromYawPitchRoll(x, 1, z, yawDegrees * MathF.PI / 180);
}
