namespace RtfmGym.Env.Spaces;

/// <summary>Element types of <see cref="NDArray"/> values and <see cref="BoxSpace"/> spaces.</summary>
public enum DType
{
    /// <summary>Unsigned 8-bit integer, numpy <c>uint8</c> (colour images).</summary>
    UInt8,
    /// <summary>Signed 32-bit integer, numpy <c>int32</c>.</summary>
    Int32,
    /// <summary>Signed 64-bit integer, numpy <c>int64</c>.</summary>
    Int64,
    /// <summary>IEEE 754 single precision, numpy <c>float32</c>; the default for boxes.</summary>
    Float32,
    /// <summary>IEEE 754 double precision, numpy <c>float64</c>.</summary>
    Float64,
    /// <summary>Boolean, one byte per element, numpy <c>bool</c>.</summary>
    Bool,
}
