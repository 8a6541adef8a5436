using System.Collections;
using System.Numerics;

namespace RtfmGym.Env.Memory;

/// <summary>
/// Points stored as three runs of coordinates (metres), so that <see cref="PointProjector.ToGrid"/>
/// can project a whole SIMD register of them at once. The runs lie end to end in one array, so that
/// reading a batch (as a retrieval does for some fifty stored views, seldom still in the cache) goes
/// through memory in order. Immutable once built. A point with a NaN coordinate stands for "no point
/// here" (an invalid depth) and never lands in a view.
/// </summary>
internal sealed class PointBatch : IReadOnlyList<Vector3>
{
    // x of every point, then y, then z.
    private readonly float[] _xyz;

    private PointBatch(float[] xyz, int length) => (_xyz, Length) = (xyz, length);

    /// <summary>The points' x coordinates.</summary>
    public ReadOnlySpan<float> X => _xyz.AsSpan(0, Length);

    /// <summary>The points' y coordinates.</summary>
    public ReadOnlySpan<float> Y => _xyz.AsSpan(Length, Length);

    /// <summary>The points' z coordinates.</summary>
    public ReadOnlySpan<float> Z => _xyz.AsSpan(2 * Length, Length);

    /// <summary>Number of points.</summary>
    public int Length { get; }

    int IReadOnlyCollection<Vector3>.Count => Length;

    /// <summary>Point <paramref name="i"/>.</summary>
    public Vector3 this[int i] => (uint)i < (uint)Length
        ? new(_xyz[i], _xyz[Length + i], _xyz[2 * Length + i])
        : throw new ArgumentOutOfRangeException(nameof(i), i, $"The batch holds {Length} points.");

    /// <summary>A batch holding <paramref name="points"/> in order.</summary>
    public static PointBatch Of(IReadOnlyList<Vector3> points)
    {
        int n = points.Count;
        var xyz = new float[3 * n];
        for (int i = 0; i < n; i++) (xyz[i], xyz[n + i], xyz[2 * n + i]) = (points[i].X, points[i].Y, points[i].Z);
        return new PointBatch(xyz, n);
    }

    public IEnumerator<Vector3> GetEnumerator()
    {
        for (int i = 0; i < Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
