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

    /// <summary>A level camera pose at (x, 1, z) with heading <paramref name="yawDegrees"/>.</summary>
    public static Pose At(float x, float z, float yawDegrees = 0) => Pose.FromYawPitchRoll(x, 1, z, yawDegrees * MathF.PI / 180);
}
