namespace RtfmGym.Torch;

/// <summary>Element types; the numeric values are libtorch's <c>c10::ScalarType</c> codes (stable across versions).</summary>
public enum ScalarType
{
    /// <summary>Unsigned 8-bit integer (image bytes). The numeric values are libtorch's <c>c10::ScalarType</c> codes.</summary>
    UInt8 = 0,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 1,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 2,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 3,
    /// <summary>Signed 64-bit integer (indices, class labels).</summary>
    Int64 = 4,
    /// <summary>IEEE half precision (16-bit float).</summary>
    Float16 = 5,
    /// <summary>IEEE single precision, the default for parameters.</summary>
    Float32 = 6,
    /// <summary>IEEE double precision.</summary>
    Float64 = 7,
    /// <summary>Boolean (masks, comparison results).</summary>
    Bool = 11,
    /// <summary>bfloat16: float32's exponent range with an 8-bit mantissa (autocast on CUDA).</summary>
    BFloat16 = 15,
}
