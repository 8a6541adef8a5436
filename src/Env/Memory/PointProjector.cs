using System.Numerics;
using System.Runtime.CompilerServices;
using Simd = System.Numerics.Vector;
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

    /// <summary>
    /// Projects every point of <paramref name="points"/> and writes, per point, the row-major index of
    /// the cell of a <paramref name="columns"/> x <paramref name="rows"/> grid laid over the image that it
    /// lands in (-1 when <see cref="TryProject"/> would say it lands outside the view) and its depth
    /// along the view axis, metres (meaningless where the index is -1).
    /// <para>The same arithmetic as <see cref="TryProject"/>, in the same order, on a whole SIMD register
    /// of points at a time (no fused multiply-adds), so the results are bit-identical to the one-point
    /// path on any machine, with or without SIMD; the cell of a point at (u, v) is
    /// (min(rows - 1, (int)(v * rows / height)), min(columns - 1, (int)(u * columns / width))).</para>
    /// </summary>
    public void ToGrid(PointBatch points, int columns, int rows, Span<int> cells, Span<float> depths)
    {
        int n = points.Length;
        if (cells.Length < n || depths.Length < n) throw new ArgumentException($"The outputs must hold {n} values.");
        float perU = columns / _width, perV = rows / _height;
        ReadOnlySpan<float> xs = points.X, ys = points.Y, zs = points.Z;
        int i = 0;
        // The SIMD path works out each cell index in floats, exact while the grid has at most 2^24 cells.
        if (Simd.IsHardwareAccelerated && n >= Vector<float>.Count && (long)columns * rows <= 1 << 24)
        {
            // Plain locals rather than tuples: the JIT keeps these in registers.
            Vector<float> m11 = new(_m11), m12 = new(_m12), m13 = new(_m13), m21 = new(_m21), m22 = new(_m22), m23 = new(_m23);
            Vector<float> m31 = new(_m31), m32 = new(_m32), m33 = new(_m33), m41 = new(_m41), m42 = new(_m42), m43 = new(_m43);
            Vector<float> fx = new(_fx), fy = new(_fy), cx = new(_cx), cy = new(_cy), width = new(_width), height = new(_height), near = new(1e-6f);
            Vector<float> scaleU = new(perU), scaleV = new(perV), lastColumn = new(columns - 1), lastRow = new(rows - 1), stride = new(columns);
            Vector<int> outside = new(-1);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> x = new(xs[i..]), y = new(ys[i..]), z = new(zs[i..]);
                Vector<float> camX = x * m11 + y * m21 + z * m31 + m41;
                Vector<float> camY = x * m12 + y * m22 + z * m32 + m42;
                Vector<float> depth = -(x * m13 + y * m23 + z * m33 + m43);
                Vector<float> inv = Vector<float>.One / depth;
                Vector<float> u = cx + fx * camX * inv;
                Vector<float> v = cy - fy * camY * inv;
                Vector<int> inside = Simd.GreaterThan(depth, near) & Simd.GreaterThanOrEqual(u, Vector<float>.Zero) & Simd.LessThan(u, width)
                    & Simd.GreaterThanOrEqual(v, Vector<float>.Zero) & Simd.LessThan(v, height);
                // Where the point lands, u and v are non-negative, so the floor is the one-point path's truncation, and the
                // indices are whole numbers the floats hold exactly; the fast conversion is wrong only for lanes discarded below.
                Vector<float> cell = Simd.Min(lastRow, Simd.Floor(v * scaleV)) * stride + Simd.Min(lastColumn, Simd.Floor(u * scaleU));
                Simd.ConditionalSelect(inside, Simd.ConvertToInt32Native(cell), outside).CopyTo(cells[i..]);
                depth.CopyTo(depths[i..]);
            }
        }
        for (; i < n; i++)
        {
            bool inside = TryProject(new Vector3(xs[i], ys[i], zs[i]), out float u, out float v, out float depth);
            cells[i] = inside ? Math.Min(rows - 1, (int)(v * perV)) * columns + Math.Min(columns - 1, (int)(u * perU)) : -1;
            depths[i] = depth;
        }
    }
}
