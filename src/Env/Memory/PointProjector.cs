using System.Numerics;
using System.Runtime.CompilerServices;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// A rigid transform into a camera's frame followed by its pinhole projection, with the numbers
/// held in fields so that the inner loops of <see cref="FieldOfViewCoverageRule"/> (tens of
/// thousands of points per retrieval) pay no calls, matrix copies or property reads per point.
/// Same conventions as <see cref="CameraIntrinsics.Project"/>: camera looks along -Z, pixels (u
/// right, v down) from the top-left corner.
/// </summary>
internal readonly struct PointProjector
{
    private readonly float _m11, _m12, _m13, _m21, _m22, _m23, _m31, _m32, _m33, _m41, _m42, _m43;
    private readonly float _fx, _fy, _cx, _cy, _width, _height;

    /// <summary>Maps points by <paramref name="toCamera"/> (row-vector convention, as <see cref="Vector3.Transform(Vector3, Matrix4x4)"/>) and projects them through <paramref name="camera"/>.</summary>
    public PointProjector(in Matrix4x4 toCamera, CameraIntrinsics camera)
    {
        (_m11, _m12, _m13, _m21, _m22, _m23) = (toCamera.M11, toCamera.M12, toCamera.M13, toCamera.M21, toCamera.M22, toCamera.M23);
        (_m31, _m32, _m33, _m41, _m42, _m43) = (toCamera.M31, toCamera.M32, toCamera.M33, toCamera.M41, toCamera.M42, toCamera.M43);
        (_fx, _fy, _cx, _cy, _width, _height) = (camera.Fx, camera.Fy, camera.Cx, camera.Cy, camera.Width, camera.Height);
    }

    /// <summary>The point in the camera's frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector3 ToCamera(Vector3 p) => new(
        p.X * _m11 + p.Y * _m21 + p.Z * _m31 + _m41,
        p.X * _m12 + p.Y * _m22 + p.Z * _m32 + _m42,
        p.X * _m13 + p.Y * _m23 + p.Z * _m33 + _m43);

    /// <summary>
    /// Whether <paramref name="p"/> lands inside the image in front of the camera; its pixel
    /// (<paramref name="u"/>, <paramref name="v"/>) and its depth along the view axis in metres.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryProject(Vector3 p, out float u, out float v, out float depth)
    {
        Vector3 c = ToCamera(p);
        depth = -c.Z;
        float inv = 1f / depth;
        u = _cx + _fx * c.X * inv;
        v = _cy - _fy * c.Y * inv;
        // One branch for all five tests; NaN points fail every comparison and so land outside.
        return depth > 1e-6f & u >= 0 & u < _width & v >= 0 & v < _height;
    }
}
