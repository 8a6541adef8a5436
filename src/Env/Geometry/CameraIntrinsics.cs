using System.Numerics;

namespace RtfmGym.Env.Geometry;

/// <summary>
/// A pinhole camera: image size in pixels and focal lengths and principal point in pixels.
/// Pixel (u, v) has u to the right and v down, origin at the top-left corner; pixel centres
/// are at half-integers. Rays are in camera coordinates (looking along -Z, +Y up).
/// </summary>
public sealed record CameraIntrinsics
{
    /// <summary>Smallest and largest supported image side, in pixels.</summary>
    public const int MinSize = 16, MaxSize = 1024;

    /// <summary>A camera with explicit intrinsics, all in pixels.</summary>
    /// <param name="width">Image width, <see cref="MinSize"/> to <see cref="MaxSize"/>.</param>
    /// <param name="height">Image height, <see cref="MinSize"/> to <see cref="MaxSize"/>.</param>
    /// <param name="fx">Horizontal focal length (positive).</param>
    /// <param name="fy">Vertical focal length (positive).</param>
    /// <param name="cx">Principal point, column.</param>
    /// <param name="cy">Principal point, row.</param>
    public CameraIntrinsics(int width, int height, float fx, float fy, float cx, float cy)
    {
        if (width is < MinSize or > MaxSize || height is < MinSize or > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} is outside {MinSize}..{MaxSize} pixels.");
        if (!(fx > 0) || !(fy > 0)) throw new ArgumentOutOfRangeException(nameof(fx), "Focal lengths must be positive.");
        (Width, Height, Fx, Fy, Cx, Cy) = (width, height, fx, fy, cx, cy);
    }

    /// <summary>Image width, pixels.</summary>
    public int Width { get; }
    /// <summary>Image height, pixels.</summary>
    public int Height { get; }

    /// <summary>Horizontal focal length, pixels.</summary>
    public float Fx { get; }

    /// <summary>Vertical focal length, pixels.</summary>
    public float Fy { get; }

    /// <summary>Principal point, pixels from the left edge.</summary>
    public float Cx { get; }

    /// <summary>Principal point, pixels from the top edge.</summary>
    public float Cy { get; }

    /// <summary>Vertical field of view in radians.</summary>
    public float VerticalFov => 2f * MathF.Atan(Height / (2f * Fy));

    /// <summary>Horizontal field of view in radians.</summary>
    public float HorizontalFov => 2f * MathF.Atan(Width / (2f * Fx));

    /// <summary>A centred camera with square pixels and the given vertical field of view (radians).</summary>
    public static CameraIntrinsics FromVerticalFov(int width, int height, float verticalFovRadians)
    {
        if (!(verticalFovRadians > 0.05f && verticalFovRadians < 3.0f))
            throw new ArgumentOutOfRangeException(nameof(verticalFovRadians), verticalFovRadians, "The vertical field of view must be between 0.05 and 3 radians.");
        float f = height / (2f * MathF.Tan(verticalFovRadians / 2f));
        return new CameraIntrinsics(width, height, f, f, width / 2f, height / 2f);
    }

    /// <summary>The unnormalised camera-space direction through image point (u, v) (pixels; z = -1).</summary>
    public Vector3 RayDirection(float u, float v) => new((u - Cx) / Fx, -(v - Cy) / Fy, -1f);

    /// <summary>Projects a camera-space point to pixels; false when it is behind the camera.</summary>
    public bool Project(Vector3 cameraPoint, out float u, out float v)
    {
        if (cameraPoint.Z >= -1e-6f) { u = v = 0; return false; }
        float inv = -1f / cameraPoint.Z;
        u = Cx + Fx * cameraPoint.X * inv;
        v = Cy - Fy * cameraPoint.Y * inv;
        return true;
    }
}
