using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Spaces;

/// <summary>The integers <c>Start, Start+1, ..., Start+N-1</c> (Gymnasium's <c>Discrete</c>).</summary>
public sealed class DiscreteSpace : Space
{
    /// <summary>Creates the space of <paramref name="n"/> integers starting at <paramref name="start"/>.</summary>
    public DiscreteSpace(long n, long start = 0)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "A discrete space needs at least one value.");
        N = n;
        Start = start;
    }

    /// <summary>The number of values.</summary>
    public long N { get; }

    /// <summary>The smallest value (default 0).</summary>
    public long Start { get; }

    /// <inheritdoc/>
    public override string? Explain(object? value)
    {
        if (!TryAsLong(value, out long v)) return $"expected an integer, got {(value?.GetType().Name ?? "null")}";
        return v >= Start && v < Start + N ? null : $"{v} is outside [{Start}, {Start + N - 1}]";
    }

    /// <inheritdoc/>
    public override object Sample(Rng rng) => Start + rng.NextLong(N);

    /// <summary>Reads an integer action given as any integral type (or an integral float such as 2.0).</summary>
    public static bool TryAsLong(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            case NDArray { Length: 1, Shape.Count: <= 1 } a when !a.Dtype.IsFloat(): result = (long)a.GetDouble(0); return true;
            default: result = 0; return false;
        }
    }

    /// <inheritdoc/>
    public override bool Equals(Space? other) => other is DiscreteSpace d && d.N == N && d.Start == Start;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(typeof(DiscreteSpace), N, Start);

    /// <summary>Gymnasium's repr, <c>Discrete(8)</c>, or <c>Discrete(8, start=1)</c> when the start is not 0.</summary>
    public override string ToString() => Start == 0 ? $"Discrete({N})" : $"Discrete({N}, start={Start})";
}
