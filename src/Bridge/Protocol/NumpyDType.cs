using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Protocol;

/// <summary>numpy's dtype strings (<c>dtype.str</c>: byte order, kind, size) for <see cref="DType"/>.</summary>
public static class NumpyDType
{
    /// <summary>The dtype string, e.g. "|u1" for uint8, "&lt;f4" for little-endian float32.</summary>
    public static string ToDTypeString(DType dtype) => dtype switch
    {
        DType.UInt8 => "|u1",
        DType.Bool => "|b1",
        DType.Int32 => "<i4",
        DType.Int64 => "<i8",
        DType.Float32 => "<f4",
        DType.Float64 => "<f8",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>Parses a dtype string ("|u1", "&lt;f4", also "=f4" and "u1") or a numpy name ("uint8").</summary>
    public static bool TryParse(string text, out DType dtype)
    {
        if (DTypeInfo.TryParseNumpyName(text, out dtype)) return true;
        // '<' little-endian, '|' not applicable, '=' native (little on every platform we run on).
        string body = text.Length > 0 && text[0] is '<' or '|' or '=' ? text[1..] : text;
        switch (body)
        {
            case "u1": dtype = DType.UInt8; return true;
            case "b1": dtype = DType.Bool; return true;
            case "i4": dtype = DType.Int32; return true;
            case "i8": dtype = DType.Int64; return true;
            case "f4": dtype = DType.Float32; return true;
            case "f8": dtype = DType.Float64; return true;
            default: dtype = default; return false;
        }
    }
}
