namespace RtfmGym.Env;

/// <summary>
/// A named entry of a step's info dictionary with the type its value has: one place says the
/// key's spelling and type, so writers and readers cannot drift apart. See <see cref="InfoKeys"/>.
/// </summary>
/// <typeparam name="T">The value's type as the environment writes it.</typeparam>
/// <param name="Name">The dictionary key ("collided", "spl", ...).</param>
public readonly record struct InfoKey<T>(string Name)
{
    /// <summary>True with the value when <paramref name="info"/> holds this key with a value of type <typeparamref name="T"/>.</summary>
    public bool TryRead(IReadOnlyDictionary<string, object?> info, out T value)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.TryGetValue(Name, out object? v) && v is T t)
        {
            value = t;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>The value in <paramref name="info"/>, or <paramref name="fallback"/> when it is missing or of another type.</summary>
    public T ReadOr(IReadOnlyDictionary<string, object?> info, T fallback) => TryRead(info, out T v) ? v : fallback;

    /// <summary>Sets this key of <paramref name="info"/> to <paramref name="value"/>.</summary>
    public void Write(IDictionary<string, object?> info, T value)
    {
        ArgumentNullException.ThrowIfNull(info);
        info[Name] = value;
    }

    /// <summary>The key's name.</summary>
    public override string ToString() => Name;
}
