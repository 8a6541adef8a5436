using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Scenarios;

/// <summary>The agent's camera: image size in pixels (32 to 256), vertical field of view, mounting height above the floor (metres) and pitch (radians, + looks up).</summary>
public sealed record CameraSettings
{
    /// <summary>Image width, pixels. Default 64.</summary>
    public int Width { get; init; } = 64;
    /// <summary>Image height, pixels. Default 64.</summary>
    public int Height { get; init; } = 64;

    /// <summary>Vertical field of view, radians. Default 90 degrees.</summary>
    public float VerticalFov { get; init; } = MathF.PI / 2f;

    /// <summary>Camera height above the floor for ground robots, metres. Default 1.25.</summary>
    public float MountHeight { get; init; } = 1.25f;

    /// <summary>Fixed camera pitch for ground robots, radians. Default 0.</summary>
    public float Pitch { get; init; }

    /// <summary>The pinhole intrinsics for these settings.</summary>
    public CameraIntrinsics Intrinsics() => CameraIntrinsics.FromVerticalFov(Width, Height, VerticalFov);
}
