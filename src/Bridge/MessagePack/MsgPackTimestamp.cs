namespace RtfmGym.Bridge.MessagePack;

/// <summary>
/// The timestamp extension (type -1): seconds since the Unix epoch (UTC, may be negative)
/// and nanoseconds (0..999,999,999). Encoded in the smallest of its three forms
/// (32-bit, 64-bit or 96-bit).
/// </summary>
public readonly record struct MsgPackTimestamp
{
    /// <summary>The extension type code reserved for timestamps.</summary>
    public const sbyte TypeCode = -1;

    /// <summary>Creates a timestamp; throws when <paramref name="nanoseconds"/> is 1e9 or more.</summary>
    public MsgPackTimestamp(long seconds, uint nanoseconds)
    {
        if (nanoseconds > 999_999_999)
            throw new ArgumentOutOfRangeException(nameof(nanoseconds), nanoseconds, "Nanoseconds must be below 1e9.");
        Seconds = seconds;
        Nanoseconds = nanoseconds;
    }

    /// <summary>Whole seconds since 1970-01-01T00:00:00Z.</summary>
    public long Seconds { get; }

    /// <summary>Nanoseconds within the second.</summary>
    public uint Nanoseconds { get; }

    /// <summary>The same instant as a <see cref="DateTimeOffset"/> (100 ns resolution: sub-tick nanoseconds are dropped).</summary>
    public DateTimeOffset ToDateTimeOffset() =>
        DateTimeOffset.UnixEpoch.AddSeconds(Seconds).AddTicks(Nanoseconds / 100);

    /// <summary>The timestamp of <paramref name="value"/>.</summary>
    public static MsgPackTimestamp FromDateTimeOffset(DateTimeOffset value)
    {
        long ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        long seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rem);
        if (rem < 0) { seconds--; rem += TimeSpan.TicksPerSecond; }
        return new MsgPackTimestamp(seconds, (uint)(rem * 100));
    }

    /// <summary>Seconds since the Unix epoch and the nanoseconds past them, e.g. <c>1700000000s+5ns</c>.</summary>
    public override string ToString() => $"{Seconds}s+{Nanoseconds}ns";
}
