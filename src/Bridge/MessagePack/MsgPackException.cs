namespace RtfmGym.Bridge.MessagePack;

/// <summary>Malformed, truncated or over-limit MessagePack input, or a value that has no MessagePack form.</summary>
public sealed class MsgPackException : Exception
{
    /// <summary>Creates the exception; <paramref name="offset"/> is the byte where decoding failed (-1 when encoding).</summary>
    public MsgPackException(string message, long offset = -1)
        : base(offset >= 0 ? $"{message} (at byte {offset})" : message)
    {
        Offset = offset;
    }

    /// <summary>The input byte offset where decoding failed, or -1.</summary>
    public long Offset { get; }
}
