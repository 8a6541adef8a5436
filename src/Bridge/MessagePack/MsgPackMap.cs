using System.Collections;

namespace RtfmGym.Bridge.MessagePack;

/// <summary>
/// A decoded MessagePack map: its entries in wire order, keys of any type (duplicates kept,
/// lookups return the first). Lookups by string key are linear, which is faster than hashing
/// for the small maps of the bridge protocol.
/// </summary>
public sealed class MsgPackMap : IReadOnlyList<KeyValuePair<object?, object?>>
{
    private readonly KeyValuePair<object?, object?>[] _entries;

    /// <summary>Wraps <paramref name="entries"/> (not copied).</summary>
    public MsgPackMap(KeyValuePair<object?, object?>[] entries) => _entries = entries;

    /// <summary>Number of entries, duplicates included.</summary>
    public int Count => _entries.Length;

    /// <summary>The entry at <paramref name="index"/> in wire order.</summary>
    public KeyValuePair<object?, object?> this[int index] => _entries[index];

    /// <summary>
    /// Finds the value of a string key; a bin key with the same UTF-8 bytes matches too,
    /// because msgpack-numpy writes its keys as bytes.
    /// </summary>
    public bool TryGetValue(string key, out object? value)
    {
        foreach (var e in _entries)
        {
            if (KeyEquals(e.Key, key)) { value = e.Value; return true; }
        }
        value = null;
        return false;
    }

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    private static bool KeyEquals(object? k, string key) => k switch
    {
        string s => s == key,
        ReadOnlyMemory<byte> b => b.Length == key.Length && Ascii(b.Span, key),
        _ => false,
    };

    private static bool Ascii(ReadOnlySpan<byte> bytes, string key)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != key[i]) return false;
        }
        return true;
    }

    /// <summary>The entries in wire order.</summary>
    public IEnumerator<KeyValuePair<object?, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<object?, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
