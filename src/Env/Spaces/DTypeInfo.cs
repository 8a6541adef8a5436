namespace RtfmGym.Env.Spaces;

/// <summary>Sizes and names of <see cref="DType"/> values.</summary>
public static class DTypeInfo
{
    /// <summary>Bytes per element.</summary>
    public static int Size(this DType dtype) => dtype switch
    {
        DType.UInt8 or DType.Bool => 1,
        DType.Int32 or DType.Float32 => 4,
        DType.Int64 or DType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The numpy name of the type ("uint8", "float32", ...).</summary>
    public static string NumpyName(this DType dtype) => dtype switch
    {
        DType.UInt8 => "uint8",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Bool => "bool",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>Parses a numpy name back into a <see cref="DType"/>.</summary>
    public static bool TryParseNumpyName(string name, out DType dtype)
    {
        foreach (DType d in Enum.GetValues<DType>())
        {
            if (d.NumpyName() == name) { dtype = d; return true; }
        }
        dtype = default;
        return false;
    }

    /// <summary>True for the floating-point types.</summary>
    public static bool IsFloat(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>The .NET element type that stores this dtype.</summary>
    public static Type ClrType(this DType dtype) => dtype switch
    {
        DType.UInt8 => typeof(byte),
        DType.Int32 => typeof(int),
        DType.Int64 => typeof(long),
        DType.Float32 => typeof(float),
        DType.Float64 => typeof(double),
        DType.Bool => typeof(bool),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };
}
