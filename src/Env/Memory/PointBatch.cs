using System.Collections;
using System.Numerics;

namespace RtfmGym.Env.Memory;

/// <summary>
/// Points stored as three arrays of coordinates (metres), so that <see cref="PointProjector.ToGrid"/>
/// can project a whole SIMD register of them at once. Immutable once built. A point with a NaN
/// coordinate stands for "no point here" (an invalid depth) and never lands in a view.
/// </summary>
internal sealed class PointBatch : IReadOnlyList<Vector3>
{
    private PointBatch(float[] x, float[] y, float[] z) => (X, Y, Z) = (x, y, z);

    /// <summary>The points' x coordinates.</summary>
    public float[] X { get; }

    /// <summary>The points' y coordinates.</summary>
    public float[] Y { get; }

    /// <summary>The points' z coordinates.</summary>
    public float[] Z { get; }

    /// <summary>Number of points.</summary>
    public int Length => X.Length;

    int IReadOnlyCollection<Vector3>.Count => Length;

    /// <summary>Point <paramref name="i"/>.</summary>
    public Vector3 this[int i] => new(X[i], Y[i], Z[i]);

    /// <summary>A batch holding <paramref name="points"/> in order.</summary>
    public static PointBatch Of(IReadOnlyList<Vector3> points)
    {
        var (x, y, z) = (new float[points.Count], new float[points.Count], new float[points.Count]);
        for (int i = 0; i < points.Count; i++) (x[i], y[i], z[i]) = (points[i].X, points[i].Y, points[i].Z);
        return new PointBatch(x, y, z);
    }

    public IEnumerator<Vector3> GetEnumerator()
    {
        for (int i = 0; i < Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
