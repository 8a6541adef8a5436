using System.Buffers.Binary;
using System.Text;

namespace RtfmGym.Bridge.MessagePack;

/// <summary>
/// Decodes one MessagePack value into plain .NET objects: nil → null, bool, integers →
/// <see cref="long"/> (or <see cref="ulong"/> above <see cref="long.MaxValue"/>), float32 →
/// <see cref="float"/>, float64 → <see cref="double"/>, str → <see cref="string"/>, bin →
/// <see cref="ReadOnlyMemory{T}"/> of byte (a slice of the input, not copied), array →
/// <c>object?[]</c>, map → <see cref="MsgPackMap"/>, ext −1 → <see cref="MsgPackTimestamp"/>,
/// other ext → <see cref="MsgPackExtension"/>.
/// </summary>
/// <remarks>
/// Every length is checked against the bytes that remain before anything is allocated, and
/// a container of n items needs at least n bytes, so a short message can never ask for a
/// large allocation; nesting is capped by <see cref="MsgPackReaderOptions.MaxDepth"/>.
/// </remarks>
public static class MsgPackReader
{
    /// <summary>Decodes <paramref name="data"/>, which must hold exactly one value.</summary>
    /// <exception cref="MsgPackException">Malformed, truncated, too deep, or trailing bytes.</exception>
    public static object? Decode(ReadOnlyMemory<byte> data, MsgPackReaderOptions? options = null)
    {
        options ??= MsgPackReaderOptions.Default;
        var cursor = new Cursor(data, options.MaxDepth, options.MaxItems);
        object? value = cursor.ReadValue(1);
        if (cursor.Position != data.Length)
            throw new MsgPackException($"{data.Length - cursor.Position} trailing bytes after the value", cursor.Position);
        return value;
    }

    /// <summary>
    /// Reads the first entry of a map without decoding the rest, for answering a request that
    /// is refused before it is decoded: true when <paramref name="data"/> starts with a map whose
    /// first key and value are scalars within its first 256 bytes.
    /// </summary>
    public static bool TryPeekFirstEntry(ReadOnlyMemory<byte> data, out object? key, out object? value)
    {
        key = value = null;
        if (data.IsEmpty) return false;
        byte b = data.Span[0];
        int header = b is >= 0x81 and <= 0x8f ? 1 : b == 0xde ? 3 : b == 0xdf ? 5 : 0;
        if (header == 0) return false;
        var cursor = new Cursor(data[..Math.Min(data.Length, 256)], maxDepth: 1, maxItems: 0) { Position = header };
        try
        {
            key = cursor.ReadValue(2);
            value = cursor.ReadValue(2);
            return true;
        }
        catch (MsgPackException)
        {
            key = value = null;
            return false;
        }
    }

    private struct Cursor
    {
        private readonly ReadOnlyMemory<byte> _data;
        private readonly int _maxDepth;
        private readonly int _maxItems;
        private long _itemsLeft;
        public int Position;

        public Cursor(ReadOnlyMemory<byte> data, int maxDepth, int maxItems)
        {
            _data = data;
            _maxDepth = maxDepth;
            _maxItems = maxItems;
            _itemsLeft = maxItems;
            Position = 0;
        }

        private readonly int Remaining => _data.Length - Position;

        public object? ReadValue(int depth)
        {
            int at = Position;
            byte b = Take(1)[0];
            if (b <= 0x7f) return (long)b;
            if (b >= 0xe0) return (long)(sbyte)b;
            if (b is >= 0xa0 and <= 0xbf) return ReadString(b & 0x1f);
            if (b is >= 0x90 and <= 0x9f) return ReadArray(b & 0x0f, depth);
            if (b is >= 0x80 and <= 0x8f) return ReadMap(b & 0x0f, depth);
            return b switch
            {
                0xc0 => null,
                0xc2 => false,
                0xc3 => true,
                0xc4 => ReadBin(Take(1)[0]),
                0xc5 => ReadBin(BinaryPrimitives.ReadUInt16BigEndian(Take(2))),
                0xc6 => ReadBin(Length32()),
                0xc7 => ReadExt(Take(1)[0]),
                0xc8 => ReadExt(BinaryPrimitives.ReadUInt16BigEndian(Take(2))),
                0xc9 => ReadExt(Length32()),
                0xca => BinaryPrimitives.ReadSingleBigEndian(Take(4)),
                0xcb => BinaryPrimitives.ReadDoubleBigEndian(Take(8)),
                0xcc => (long)Take(1)[0],
                0xcd => (long)BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
                0xce => (long)BinaryPrimitives.ReadUInt32BigEndian(Take(4)),
                0xcf => Unsigned64(BinaryPrimitives.ReadUInt64BigEndian(Take(8))),
                0xd0 => (long)(sbyte)Take(1)[0],
                0xd1 => (long)BinaryPrimitives.ReadInt16BigEndian(Take(2)),
                0xd2 => (long)BinaryPrimitives.ReadInt32BigEndian(Take(4)),
                0xd3 => BinaryPrimitives.ReadInt64BigEndian(Take(8)),
                0xd4 => ReadExt(1),
                0xd5 => ReadExt(2),
                0xd6 => ReadExt(4),
                0xd7 => ReadExt(8),
                0xd8 => ReadExt(16),
                0xd9 => ReadString(Take(1)[0]),
                0xda => ReadString(BinaryPrimitives.ReadUInt16BigEndian(Take(2))),
                0xdb => ReadString(Length32()),
                0xdc => ReadArray(BinaryPrimitives.ReadUInt16BigEndian(Take(2)), depth),
                0xdd => ReadArray(Length32(), depth),
                0xde => ReadMap(BinaryPrimitives.ReadUInt16BigEndian(Take(2)), depth),
                0xdf => ReadMap(Length32(), depth),
                _ => throw new MsgPackException($"0x{b:x2} is not a MessagePack type byte", at),
            };
        }

        private static object Unsigned64(ulong v) => v <= long.MaxValue ? (long)v : v;

        private ReadOnlySpan<byte> Take(int count) => TakeMemory(count).Span;

        private ReadOnlyMemory<byte> TakeMemory(int count)
        {
            if (count > Remaining)
                throw new MsgPackException($"truncated input: {count} bytes needed, {Remaining} left", Position);
            var slice = _data.Slice(Position, count);
            Position += count;
            return slice;
        }

        // A 32-bit length above int.MaxValue can never fit in the remaining input; rejecting it
        // here keeps every later length computation in int range.
        private int Length32()
        {
            uint n = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
            if (n > int.MaxValue) throw new MsgPackException($"length {n} exceeds the input", Position - 4);
            return (int)n;
        }

        private string ReadString(int length)
        {
            int at = Position;
            try
            {
                return Strict.GetString(Take(length));
            }
            catch (DecoderFallbackException)
            {
                throw new MsgPackException("str is not valid UTF-8", at);
            }
        }

        private ReadOnlyMemory<byte> ReadBin(int length) => TakeMemory(length);

        private object ReadExt(int length)
        {
            int at = Position;
            sbyte type = (sbyte)Take(1)[0];
            var payload = TakeMemory(length);
            return type == MsgPackTimestamp.TypeCode ? ReadTimestamp(payload.Span, at) : new MsgPackExtension(type, payload);
        }

        private static MsgPackTimestamp ReadTimestamp(ReadOnlySpan<byte> p, int at)
        {
            switch (p.Length)
            {
                case 4:
                    return new MsgPackTimestamp(BinaryPrimitives.ReadUInt32BigEndian(p), 0);
                case 8:
                    ulong v = BinaryPrimitives.ReadUInt64BigEndian(p);
                    return Checked((long)(v & 0x3_ffff_ffffUL), (uint)(v >> 34), at);
                case 12:
                    return Checked(BinaryPrimitives.ReadInt64BigEndian(p[4..]), BinaryPrimitives.ReadUInt32BigEndian(p), at);
                default:
                    throw new MsgPackException($"timestamp payload of {p.Length} bytes (4, 8 or 12 expected)", at);
            }
        }

        private static MsgPackTimestamp Checked(long seconds, uint nanos, int at) =>
            nanos <= 999_999_999 ? new MsgPackTimestamp(seconds, nanos) : throw new MsgPackException($"timestamp nanoseconds {nanos} out of range", at);

        private object?[] ReadArray(int count, int depth)
        {
            EnterContainer(count, 1, depth);
            var items = new object?[count];
            for (int i = 0; i < count; i++) items[i] = ReadValue(depth + 1);
            return items;
        }

        private MsgPackMap ReadMap(int count, int depth)
        {
            EnterContainer(count, 2, depth);
            var entries = new KeyValuePair<object?, object?>[count];
            for (int i = 0; i < count; i++)
            {
                object? key = ReadValue(depth + 1);
                entries[i] = new(key, ReadValue(depth + 1));
            }
            return new MsgPackMap(entries);
        }

        // Each item takes at least one byte, so a count beyond the remaining bytes is a lie
        // told to make us allocate; checked before the allocation, as is the item budget.
        private void EnterContainer(int count, int bytesPerItem, int depth)
        {
            if (depth > _maxDepth) throw new MsgPackException($"nesting deeper than {_maxDepth}", Position);
            if ((long)count * bytesPerItem > Remaining)
                throw new MsgPackException($"container of {count} items cannot fit in the {Remaining} bytes left", Position);
            _itemsLeft -= count;
            if (_itemsLeft < 0) throw new MsgPackException($"more than {_maxItems} array elements and map entries in all", Position);
        }
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
