namespace RtfmGym.Torch;

/// <summary>One entry of a multi-dim index: a single position or a <c>start:end:step</c> slice.</summary>
public readonly record struct TensorIndex(long Start, long End, long Step, bool IsSingle)
{
    /// <summary>Python's <c>:</c> (the whole dim).</summary>
    public static TensorIndex Colon => new(0, long.MaxValue, 1, false);

    /// <summary>One position along a dim, which the index drops (Python's <c>t[i]</c>); negative counts from the end.</summary>
    public static TensorIndex Single(long index) => new(index, index + 1, 1, true);

    /// <summary><c>start:end:step</c>; a null end means "to the end".</summary>
    public static TensorIndex Slice(long start, long? end = null, long step = 1) => new(start, end ?? long.MaxValue, step, false);

    /// <summary>A <c>long</c> indexes one position, as in Python.</summary>
    public static implicit operator TensorIndex(long index) => Single(index);

    /// <summary>C# ranges: <c>1..3</c>, <c>..^1</c>, <c>..</c>.</summary>
    public static implicit operator TensorIndex(Range range)
    {
        // ^0 means "one past the end", which libtorch spells as an unbounded end.
        long start = range.Start.IsFromEnd ? (range.Start.Value == 0 ? long.MaxValue : -range.Start.Value) : range.Start.Value;
        long? end = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value;
        return Slice(start, end);
    }
}
