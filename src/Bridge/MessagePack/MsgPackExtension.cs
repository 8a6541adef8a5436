namespace RtfmGym.Bridge.MessagePack;

/// <summary>
/// An extension value (ext family) other than the timestamp: an application type code
/// (0..127; negative codes are reserved by the spec) and its payload.
/// </summary>
/// <param name="TypeCode">The signed 8-bit extension type.</param>
/// <param name="Data">The payload; when decoded, a slice of the input (not copied).</param>
public readonly record struct MsgPackExtension(sbyte TypeCode, ReadOnlyMemory<byte> Data)
{
    /// <summary>Structural equality: same type code and same payload bytes.</summary>
    public bool Equals(MsgPackExtension other) => TypeCode == other.TypeCode && Data.Span.SequenceEqual(other.Data.Span);

    /// <summary>A hash over the type code and payload length, consistent with <see cref="Equals(MsgPackExtension)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(TypeCode, Data.Length);
}
