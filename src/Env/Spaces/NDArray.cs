using System.Runtime.InteropServices;
using System.Text;

namespace RtfmGym.Env.Spaces;

/// <summary>
/// An n-dimensional array value: a dtype, a shape and the elements as raw little-endian
/// bytes in row-major (C) order. The value type of <see cref="BoxSpace"/>; observations
/// use it for images (uint8, [height, width, channels]) and depth (float32, metres).
/// Raw bytes are kept so an array can cross the bridge or be hashed with no conversion.
/// </summary>
public sealed class NDArray : IEquatable<NDArray>
{
    private readonly byte[] _data;
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="data"/> (not copied) as an array of the given type and shape.</summary>
    /// <exception cref="ArgumentException">The byte count does not match the shape and dtype.</exception>
    public NDArray(DType dtype, int[] shape, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has a negative dimension.", nameof(shape));
            count *= d;
        }
        if (count * dtype.Size() != data.Length)
            throw new ArgumentException($"A {dtype.NumpyName()} array of shape [{string.Join(", ", shape)}] needs {count * dtype.Size()} bytes, got {data.Length}.", nameof(data));
        Dtype = dtype;
        _shape = (int[])shape.Clone();
        _data = data;
        Length = (int)count;
    }

    /// <summary>The element type.</summary>
    public DType Dtype { get; }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The raw little-endian bytes (shared, not copied: treat as read-only).</summary>
    public byte[] RawBytes => _data;

    /// <summary>The elements viewed as <typeparamref name="T"/> (which must match <see cref="Dtype"/>).</summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged
    {
        if (typeof(T) != Dtype.ClrType())
            throw new InvalidOperationException($"This array holds {Dtype.NumpyName()}, not {typeof(T).Name}.");
        return MemoryMarshal.Cast<byte, T>(_data);
    }

    /// <summary>Element <paramref name="i"/> (flat index) converted to double.</summary>
    public double GetDouble(int i) => Dtype switch
    {
        DType.UInt8 => _data[i],
        DType.Bool => _data[i] != 0 ? 1 : 0,
        DType.Int32 => AsSpan<int>()[i],
        DType.Int64 => AsSpan<long>()[i],
        DType.Float32 => AsSpan<float>()[i],
        DType.Float64 => AsSpan<double>()[i],
        _ => throw new InvalidOperationException(),
    };

    /// <summary>An array of the given shape that owns a copy of <paramref name="values"/>.</summary>
    public static NDArray From<T>(ReadOnlySpan<T> values, params int[] shape) where T : unmanaged
    {
        DType dtype = DTypeFor<T>();
        return new NDArray(dtype, shape, MemoryMarshal.AsBytes(values).ToArray());
    }

    /// <summary>A one-dimensional float32 array.</summary>
    public static NDArray Vector(params float[] values) => From<float>(values, values.Length);

    /// <summary>A one-dimensional float64 array.</summary>
    public static NDArray Vector(params double[] values) => From<double>(values, values.Length);

    /// <summary>The <see cref="DType"/> that stores <typeparamref name="T"/>.</summary>
    public static DType DTypeFor<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? DType.UInt8 :
        typeof(T) == typeof(int) ? DType.Int32 :
        typeof(T) == typeof(long) ? DType.Int64 :
        typeof(T) == typeof(float) ? DType.Float32 :
        typeof(T) == typeof(double) ? DType.Float64 :
        typeof(T) == typeof(bool) ? DType.Bool :
        throw new NotSupportedException($"No dtype stores {typeof(T).Name}.");

    /// <summary>The elements as doubles (a copy).</summary>
    public double[] ToDoubleArray()
    {
        var result = new double[Length];
        for (int i = 0; i < Length; i++) result[i] = GetDouble(i);
        return result;
    }

    /// <summary>Equal when dtype, shape and the raw element bytes all match (so NaN equals a bit-identical NaN, and 0.0 differs from -0.0).</summary>
    public bool Equals(NDArray? other) =>
        other is not null && other.Dtype == Dtype && other._shape.AsSpan().SequenceEqual(_shape) && other._data.AsSpan().SequenceEqual(_data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NDArray);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Dtype);
        foreach (int d in _shape) h.Add(d);
        h.AddBytes(_data);
        return h.ToHashCode();
    }

    /// <summary>A short form such as <c>uint8[64, 64, 3]</c>, with values for small arrays.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder().Append(Dtype.NumpyName()).Append('[').Append(string.Join(", ", _shape)).Append(']');
        if (Length <= 8)
        {
            sb.Append(" {");
            for (int i = 0; i < Length; i++) sb.Append(i == 0 ? "" : ", ").Append(GetDouble(i).ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
            sb.Append('}');
        }
        return sb.ToString();
    }
}
