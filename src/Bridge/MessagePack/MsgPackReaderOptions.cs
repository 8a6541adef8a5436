namespace RtfmGym.Bridge.MessagePack;

/// <summary>Limits that keep hostile input from exhausting the stack or memory.</summary>
public sealed record MsgPackReaderOptions
{
    /// <summary>Creates options; <paramref name="maxDepth"/> must be 1..1000 (default 64 nested arrays/maps).</summary>
    public MsgPackReaderOptions(int maxDepth = 64)
    {
        if (maxDepth is < 1 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "Depth limit must be 1..1000.");
        MaxDepth = maxDepth;
    }

    /// <summary>The deepest nesting of arrays and maps accepted (the top-level value is depth 1).</summary>
    public int MaxDepth { get; }

    /// <summary>The defaults: depth 64.</summary>
    public static MsgPackReaderOptions Default { get; } = new();
}
