using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Spaces;

/// <summary>A vector of independent discrete choices, element i in [0, Nvec[i]) (Gymnasium's <c>MultiDiscrete</c>).</summary>
public sealed class MultiDiscreteSpace : Space
{
    private readonly long[] _nvec;

    /// <summary>A space with one element per entry of <paramref name="nvec"/>.</summary>
    /// <param name="nvec">Number of choices of each element, each positive; at least one element. Copied.</param>
    /// <exception cref="ArgumentException">No elements, or a count that is not positive.</exception>
    public MultiDiscreteSpace(params long[] nvec)
    {
        ArgumentNullException.ThrowIfNull(nvec);
        if (nvec.Length == 0) throw new ArgumentException("A multi-discrete space needs at least one element.", nameof(nvec));
        for (int i = 0; i < nvec.Length; i++)
            if (nvec[i] <= 0) throw new ArgumentException($"nvec[{i}] = {nvec[i]} must be positive.", nameof(nvec));
        _nvec = (long[])nvec.Clone();
    }

    /// <summary>Number of choices of each element: element i takes values 0 to Nvec[i]-1.</summary>
    public IReadOnlyList<long> Nvec => _nvec;

    /// <inheritdoc/>
    public override string? Explain(object? value)
    {
        long[]? v = value switch
        {
            long[] l => l,
            int[] n => n.Select(x => (long)x).ToArray(),
            NDArray { Dtype: DType.Int64 or DType.Int32 or DType.UInt8 } a => a.ToDoubleArray().Select(x => (long)x).ToArray(),
            _ => null,
        };
        if (v is null) return $"expected an integer array of length {_nvec.Length}, got {(value?.GetType().Name ?? "null")}";
        if (v.Length != _nvec.Length) return $"length {v.Length} differs from {_nvec.Length}";
        for (int i = 0; i < v.Length; i++)
            if (v[i] < 0 || v[i] >= _nvec[i]) return $"element {i} = {v[i]} is outside [0, {_nvec[i] - 1}]";
        return null;
    }

    /// <inheritdoc/>
    public override object Sample(Rng rng) => _nvec.Select(rng.NextLong).ToArray();

    /// <inheritdoc/>
    public override bool Equals(Space? other) => other is MultiDiscreteSpace m && m._nvec.AsSpan().SequenceEqual(_nvec);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(typeof(MultiDiscreteSpace));
        foreach (long n in _nvec) h.Add(n);
        return h.ToHashCode();
    }

    /// <summary>Gymnasium's repr, e.g. <c>MultiDiscrete([3, 2])</c>.</summary>
    public override string ToString() => $"MultiDiscrete([{string.Join(", ", _nvec)}])";
}
