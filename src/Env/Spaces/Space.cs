using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Spaces;

/// <summary>
/// A set of valid values (Gymnasium's <c>Space</c>): observation and action spaces are
/// validated values with <see cref="Contains"/>, <see cref="Sample(Rng)"/> and a
/// printable form. Value conventions: <see cref="DiscreteSpace"/> holds <see cref="long"/>
/// (an <see cref="int"/> is accepted), <see cref="MultiDiscreteSpace"/> holds <c>long[]</c>,
/// <see cref="BoxSpace"/> holds <see cref="NDArray"/> (a <c>float[]</c> or <c>double[]</c>
/// is accepted for one-dimensional boxes), <see cref="DictSpace"/> holds
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value.
/// <para>Spaces are equal when they hold the same values the same way: the same kind, shape, bounds
/// and dtype (a <see cref="DictSpace"/>'s entries in the same order). The generator of
/// <see cref="Sample()"/> is not part of a space's value.</para>
/// </summary>
public abstract class Space : IEquatable<Space>
{
    private Rng _rng = new(0);

    /// <summary>True when <paramref name="value"/> belongs to this space.</summary>
    public bool Contains(object? value) => Explain(value) is null;

    /// <summary>Null when <paramref name="value"/> belongs to the space; otherwise why it does not.</summary>
    public abstract string? Explain(object? value);

    /// <summary>A uniformly drawn member (for unbounded boxes, a normal draw), using <paramref name="rng"/>.</summary>
    public abstract object Sample(Rng rng);

    /// <summary>A member drawn from this space's own generator (see <see cref="Seed"/>).</summary>
    public object Sample() => Sample(_rng);

    /// <summary>Reseeds this space's own generator, so later <see cref="Sample()"/> calls repeat.</summary>
    public void Seed(ulong seed) => _rng = new Rng(seed);

    /// <summary>Throws <see cref="ActionOutOfSpaceException"/> unless <paramref name="value"/> belongs to this space.</summary>
    public void Require(object? value, string what = "action")
    {
        string? why = Explain(value);
        if (why is not null) throw new ActionOutOfSpaceException(value, this, why, what);
    }

    /// <summary>True when <paramref name="other"/> is a space of the same kind with the same definition.</summary>
    public abstract bool Equals(Space? other);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => obj is Space s && Equals(s);

    /// <summary>A hash consistent with <see cref="Equals(Space?)"/>.</summary>
    public abstract override int GetHashCode();

    /// <summary>Value equality (see <see cref="Equals(Space?)"/>); two nulls are equal.</summary>
    public static bool operator ==(Space? left, Space? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality (see <see cref="Equals(Space?)"/>).</summary>
    public static bool operator !=(Space? left, Space? right) => !(left == right);

    /// <summary>Printable form of a value for error messages ("[0.1, 2]", "3", "null").</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        float f => f.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
        Array a => "[" + string.Join(", ", a.Cast<object?>().Take(16).Select(Format)) + (a.Length > 16 ? ", ..." : "") + "]",
        NDArray n => n.ToString(),
        IReadOnlyDictionary<string, object> d => "{" + string.Join(", ", d.Select(kv => $"{kv.Key}: {Format(kv.Value)}")) + "}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? value.GetType().Name,
    };
}
