namespace RtfmGym.Bridge.MessagePack;

/// <summary>Limits that keep hostile input from exhausting the stack or memory.</summary>
public sealed record MsgPackReaderOptions
{
    /// <summary>
    /// Creates options; <paramref name="maxDepth"/> must be 1..1000 (default 64 nested
    /// arrays/maps), <paramref name="maxItems"/> at least 1 (default: no limit beyond the input's size).
    /// </summary>
    public MsgPackReaderOptions(int maxDepth = 64, int maxItems = int.MaxValue)
    {
        if (maxDepth is < 1 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "Depth limit must be 1..1000.");
        if (maxItems < 1) throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "At least 1.");
        MaxDepth = maxDepth;
        MaxItems = maxItems;
    }

    /// <summary>The deepest nesting of arrays and maps accepted (the top-level value is depth 1).</summary>
    public int MaxDepth { get; }

    /// <summary>
    /// The most array elements and map entries in one value, all containers together. Each
    /// decoded item costs far more memory than its one byte of input (a nil becomes an 8-byte
    /// reference), so this bounds what a message of nils can cost.
    /// </summary>
    public int MaxItems { get; }

    /// <summary>The defaults: depth 64, no item limit.</summary>
    public static MsgPackReaderOptions Default { get; } = new();
}
