using System.Globalization;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Spaces;

/// <summary>
/// An n-dimensional box <c>[Low, High]</c> of a given shape and dtype (Gymnasium's <c>Box</c>).
/// Bounds are per element (flattened, row-major); infinite bounds are allowed for float boxes.
/// </summary>
public sealed class BoxSpace : Space
{
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly int[] _shape;

    /// <summary>Creates a box with per-element bounds.</summary>
    public BoxSpace(double[] low, double[] high, int[] shape, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (int d in shape)
        {
            if (d <= 0) throw new ArgumentException($"Box shape [{string.Join(", ", shape)}] has a non-positive dimension.", nameof(shape));
            count *= d;
        }
        if (low.Length != count || high.Length != count)
            throw new ArgumentException($"Box of shape [{string.Join(", ", shape)}] needs {count} bounds, got low {low.Length} and high {high.Length}.");
        for (int i = 0; i < count; i++)
        {
            if (double.IsNaN(low[i]) || double.IsNaN(high[i]) || low[i] > high[i])
                throw new ArgumentException($"Box bound {i} is invalid: low {low[i]} > high {high[i]} or NaN.");
            if (!dtype.IsFloat() && (double.IsInfinity(low[i]) || double.IsInfinity(high[i])))
                throw new ArgumentException($"Integer box bound {i} must be finite.");
        }
        _low = (double[])low.Clone();
        _high = (double[])high.Clone();
        _shape = (int[])shape.Clone();
        Dtype = dtype;
    }

    /// <summary>A box with the same scalar bounds for every element.</summary>
    public BoxSpace(double low, double high, int[] shape, DType dtype = DType.Float32)
        : this(Fill(low, shape), Fill(high, shape), shape, dtype)
    {
    }

    /// <summary>The element type values must have (integer boxes accept only integer arrays).</summary>
    public DType Dtype { get; }

    /// <summary>The array shape, outermost dimension first; every dimension positive.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>Inclusive lower bound per element, flattened row-major; may be -infinity for float boxes.</summary>
    public IReadOnlyList<double> Low => _low;

    /// <summary>Inclusive upper bound per element, flattened row-major; may be +infinity for float boxes.</summary>
    public IReadOnlyList<double> High => _high;

    /// <summary>The number of elements.</summary>
    public int Count => _low.Length;

    /// <inheritdoc/>
    public override string? Explain(object? value)
    {
        NDArray? a = AsArray(value);
        if (a is null) return $"expected an array of shape [{string.Join(", ", _shape)}], got {(value?.GetType().Name ?? "null")}";
        if (!a.Shape.SequenceEqual(_shape) && !(a.Shape.Count == 1 && a.Length == Count && _shape.Length == 1))
            return $"shape [{string.Join(", ", a.Shape)}] differs from [{string.Join(", ", _shape)}]";
        if (Dtype.IsFloat() != a.Dtype.IsFloat() && Dtype != DType.Float32 && Dtype != DType.Float64)
            return $"dtype {a.Dtype.NumpyName()} does not fit {Dtype.NumpyName()}";
        for (int i = 0; i < a.Length; i++)
        {
            double v = a.GetDouble(i);
            if (double.IsNaN(v)) return $"element {i} is NaN";
            if (v < _low[i] || v > _high[i])
                return $"element {i} = {v.ToString("G6", CultureInfo.InvariantCulture)} is outside [{_low[i].ToString("G6", CultureInfo.InvariantCulture)}, {_high[i].ToString("G6", CultureInfo.InvariantCulture)}]";
        }
        return null;
    }

    /// <inheritdoc/>
    public override object Sample(Rng rng)
    {
        var values = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            double lo = _low[i], hi = _high[i];
            double v = (double.IsInfinity(lo), double.IsInfinity(hi)) switch
            {
                (false, false) => rng.Uniform(lo, hi),
                (true, true) => rng.NextGaussian(),
                (false, true) => lo - Math.Log(1 - rng.NextDouble()),
                (true, false) => hi + Math.Log(1 - rng.NextDouble()),
            };
            values[i] = Dtype.IsFloat() ? v : Math.Clamp(Math.Floor(v), lo, hi);
        }
        return Make(values);
    }

    /// <summary>An array of this box's shape and dtype holding <paramref name="values"/> (flat, row-major).</summary>
    public NDArray Make(ReadOnlySpan<double> values)
    {
        if (values.Length != Count) throw new ArgumentException($"Expected {Count} values, got {values.Length}.", nameof(values));
        switch (Dtype)
        {
            case DType.Float32:
                {
                    var f = new float[Count];
                    for (int i = 0; i < Count; i++) f[i] = (float)values[i];
                    return NDArray.From<float>(f, _shape);
                }
            case DType.Float64: return NDArray.From(values, _shape);
            case DType.UInt8:
                {
                    var b = new byte[Count];
                    for (int i = 0; i < Count; i++) b[i] = (byte)values[i];
                    return NDArray.From<byte>(b, _shape);
                }
            case DType.Int32:
                {
                    var n = new int[Count];
                    for (int i = 0; i < Count; i++) n[i] = (int)values[i];
                    return NDArray.From<int>(n, _shape);
                }
            case DType.Int64:
                {
                    var n = new long[Count];
                    for (int i = 0; i < Count; i++) n[i] = (long)values[i];
                    return NDArray.From<long>(n, _shape);
                }
            default:
                {
                    var n = new bool[Count];
                    for (int i = 0; i < Count; i++) n[i] = values[i] != 0;
                    return NDArray.From<bool>(n, _shape);
                }
        }
    }

    /// <summary>Reads an action value as an array: an <see cref="NDArray"/>, or a float/double/int array taken as one-dimensional.</summary>
    public static NDArray? AsArray(object? value) => value switch
    {
        NDArray a => a,
        float[] f => NDArray.From<float>(f, f.Length),
        double[] d => NDArray.From<double>(d, d.Length),
        int[] n => NDArray.From<int>(n, n.Length),
        long[] n => NDArray.From<long>(n, n.Length),
        _ => null,
    };

    /// <inheritdoc/>
    public override bool Equals(Space? other) =>
        other is BoxSpace b && b.Dtype == Dtype && b._shape.AsSpan().SequenceEqual(_shape)
        && b._low.AsSpan().SequenceEqual(_low) && b._high.AsSpan().SequenceEqual(_high);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Dtype);
        foreach (int d in _shape) h.Add(d);
        foreach (double v in _low) h.Add(v);
        foreach (double v in _high) h.Add(v);
        return h.ToHashCode();
    }

    /// <summary>Gymnasium's repr, e.g. <c>Box(-1, 1, (3,), float32)</c>; a bound shared by every element is written once.</summary>
    public override string ToString()
    {
        string Bound(IReadOnlyList<double> b) =>
            b.Distinct().Count() == 1 ? b[0].ToString("G6", CultureInfo.InvariantCulture) : "[" + string.Join(", ", b.Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) + "]";
        return $"Box({Bound(_low)}, {Bound(_high)}, ({string.Join(", ", _shape)}{(_shape.Length == 1 ? "," : "")}), {Dtype.NumpyName()})";
    }

    private static double[] Fill(double v, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (int d in shape) count *= Math.Max(d, 0);
        var a = new double[count];
        Array.Fill(a, v);
        return a;
    }
}
