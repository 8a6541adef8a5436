namespace RtfmGym.Env.Spaces;

/// <summary>Element types of <see cref="NDArray"/> values and <see cref="BoxSpace"/> spaces.</summary>
public enum DType
{
    UInt8,
    Int32,
    Int64,
    Float32,
    Float64,
    Bool,
}
