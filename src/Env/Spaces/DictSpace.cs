using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Spaces;

/// <summary>A named, ordered collection of sub-spaces (Gymnasium's <c>Dict</c>); values are string-keyed dictionaries.</summary>
public sealed class DictSpace : Space
{
    private readonly KeyValuePair<string, Space>[] _spaces;

    /// <summary>A space of the given named sub-spaces, kept in the order given.</summary>
    /// <param name="spaces">At least one entry; keys non-empty and distinct, spaces non-null.</param>
    /// <exception cref="ArgumentException">No entries, an empty key or a repeated key.</exception>
    public DictSpace(IEnumerable<KeyValuePair<string, Space>> spaces)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        _spaces = spaces.ToArray();
        if (_spaces.Length == 0) throw new ArgumentException("A dict space needs at least one entry.", nameof(spaces));
        var seen = new HashSet<string>();
        foreach (var (key, space) in _spaces)
        {
            if (string.IsNullOrEmpty(key)) throw new ArgumentException("Dict space keys must be non-empty.", nameof(spaces));
            if (!seen.Add(key)) throw new ArgumentException($"Dict space key '{key}' appears twice.", nameof(spaces));
            ArgumentNullException.ThrowIfNull(space);
        }
    }

    /// <summary>The sub-spaces in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, Space>> Spaces => _spaces;

    /// <summary>The sub-space named <paramref name="key"/>.</summary>
    public Space this[string key] => _spaces.First(kv => kv.Key == key).Value;

    /// <inheritdoc/>
    public override string? Explain(object? value)
    {
        if (value is not IReadOnlyDictionary<string, object> d) return $"expected a dictionary, got {(value?.GetType().Name ?? "null")}";
        foreach (var (key, space) in _spaces)
        {
            if (!d.TryGetValue(key, out object? v)) return $"key '{key}' is missing";
            string? why = space.Explain(v);
            if (why is not null) return $"'{key}': {why}";
        }
        foreach (string key in d.Keys)
            if (!_spaces.Any(kv => kv.Key == key)) return $"key '{key}' is not in the space";
        return null;
    }

    /// <inheritdoc/>
    public override object Sample(Rng rng)
    {
        var result = new Dictionary<string, object>(_spaces.Length);
        foreach (var (key, space) in _spaces) result[key] = space.Sample(rng);
        return result;
    }

    /// <inheritdoc/>
    /// <remarks>The entries must match in order too: the order is the space's declared layout.</remarks>
    public override bool Equals(Space? other)
    {
        if (other is not DictSpace d || d._spaces.Length != _spaces.Length) return false;
        for (int i = 0; i < _spaces.Length; i++)
            if (d._spaces[i].Key != _spaces[i].Key || !d._spaces[i].Value.Equals(_spaces[i].Value)) return false;
        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var (key, space) in _spaces)
        {
            h.Add(key, StringComparer.Ordinal);
            h.Add(space.GetHashCode());
        }
        return h.ToHashCode();
    }

    /// <summary>Gymnasium's repr, e.g. <c>Dict('rgb': Box(0, 255, (64, 64, 3), uint8), ...)</c>, in declaration order.</summary>
    public override string ToString() => "Dict(" + string.Join(", ", _spaces.Select(kv => $"'{kv.Key}': {kv.Value}")) + ")";
}
