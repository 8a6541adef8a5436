using System.Buffers.Binary;
using System.Collections;
using System.Text;

namespace RtfmGym.Bridge.MessagePack;

/// <summary>
/// Encodes MessagePack into a growable buffer, always choosing the smallest form
/// (positive/negative fixint before int8, fixstr before str8, float32 only when asked).
/// Binary payloads are copied with one block copy. Not thread-safe; reuse one instance per
/// thread with <see cref="Reset"/> to avoid reallocating the buffer.
/// </summary>
public sealed class MsgPackWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with an initial capacity in bytes (default 256).</summary>
    public MsgPackWriter(int initialCapacity = 256) => _buffer = new byte[Math.Max(16, initialCapacity)];

    /// <summary>The bytes written so far (valid until the next write or <see cref="Reset"/>).</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Number of bytes written.</summary>
    public int Length => _length;

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Reset() => _length = 0;

    /// <summary>A copy of what was written.</summary>
    public byte[] ToArray() => Written.ToArray();

    /// <summary>Encodes <paramref name="value"/> as one standalone message.</summary>
    public static byte[] Encode(object? value)
    {
        var w = new MsgPackWriter();
        w.Write(value);
        return w.ToArray();
    }

    /// <summary>Writes nil (0xc0).</summary>
    public void WriteNil() => Span(1)[0] = 0xc0;

    /// <summary>Writes true (0xc3) or false (0xc2).</summary>
    public void WriteBool(bool value) => Span(1)[0] = value ? (byte)0xc3 : (byte)0xc2;

    /// <summary>Writes a signed integer in its smallest form.</summary>
    public void WriteInt(long value)
    {
        if (value >= 0) { WriteUInt((ulong)value); return; }
        if (value >= -32) { Span(1)[0] = (byte)(sbyte)value; return; }
        if (value >= sbyte.MinValue) { var s = Span(2); s[0] = 0xd0; s[1] = (byte)(sbyte)value; return; }
        if (value >= short.MinValue) { var s = Span(3); s[0] = 0xd1; BinaryPrimitives.WriteInt16BigEndian(s[1..], (short)value); return; }
        if (value >= int.MinValue) { var s = Span(5); s[0] = 0xd2; BinaryPrimitives.WriteInt32BigEndian(s[1..], (int)value); return; }
        var l = Span(9); l[0] = 0xd3; BinaryPrimitives.WriteInt64BigEndian(l[1..], value);
    }

    /// <summary>Writes an unsigned integer in its smallest form.</summary>
    public void WriteUInt(ulong value)
    {
        if (value <= 0x7f) { Span(1)[0] = (byte)value; return; }
        if (value <= byte.MaxValue) { var s = Span(2); s[0] = 0xcc; s[1] = (byte)value; return; }
        if (value <= ushort.MaxValue) { var s = Span(3); s[0] = 0xcd; BinaryPrimitives.WriteUInt16BigEndian(s[1..], (ushort)value); return; }
        if (value <= uint.MaxValue) { var s = Span(5); s[0] = 0xce; BinaryPrimitives.WriteUInt32BigEndian(s[1..], (uint)value); return; }
        var l = Span(9); l[0] = 0xcf; BinaryPrimitives.WriteUInt64BigEndian(l[1..], value);
    }

    /// <summary>Writes a float 32 (0xca, 4 bytes big-endian).</summary>
    public void WriteFloat32(float value) { var s = Span(5); s[0] = 0xca; BinaryPrimitives.WriteSingleBigEndian(s[1..], value); }

    /// <summary>Writes a float 64 (0xcb, 8 bytes big-endian).</summary>
    public void WriteFloat64(double value) { var s = Span(9); s[0] = 0xcb; BinaryPrimitives.WriteDoubleBigEndian(s[1..], value); }

    /// <summary>Writes a str (UTF-8, encoded straight into the buffer).</summary>
    public void WriteString(string value)
    {
        int n = Encoding.UTF8.GetByteCount(value);
        WriteHeader(n, 0xa0, 0x1f, 0xd9, 0xda, 0xdb);
        Encoding.UTF8.GetBytes(value, Span(n));
    }

    /// <summary>Writes a bin (one block copy of <paramref name="data"/>).</summary>
    public void WriteBin(ReadOnlySpan<byte> data)
    {
        if (data.Length <= byte.MaxValue) { var s = Span(2); s[0] = 0xc4; s[1] = (byte)data.Length; }
        else if (data.Length <= ushort.MaxValue) { var s = Span(3); s[0] = 0xc5; BinaryPrimitives.WriteUInt16BigEndian(s[1..], (ushort)data.Length); }
        else { var s = Span(5); s[0] = 0xc6; BinaryPrimitives.WriteUInt32BigEndian(s[1..], (uint)data.Length); }
        data.CopyTo(Span(data.Length));
    }

    /// <summary>Appends bytes that are already one or more encoded MessagePack values.</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded) => encoded.CopyTo(Span(encoded.Length));

    /// <summary>Writes an array header; the caller then writes <paramref name="count"/> values.</summary>
    public void WriteArrayHeader(int count) => WriteHeader(count, 0x90, 0x0f, 0, 0xdc, 0xdd);

    /// <summary>Writes a map header; the caller then writes <paramref name="count"/> key/value pairs.</summary>
    public void WriteMapHeader(int count) => WriteHeader(count, 0x80, 0x0f, 0, 0xde, 0xdf);

    /// <summary>Writes an extension value (fixext when the payload is 1, 2, 4, 8 or 16 bytes).</summary>
    public void WriteExtension(sbyte typeCode, ReadOnlySpan<byte> data)
    {
        byte fix = data.Length switch { 1 => 0xd4, 2 => 0xd5, 4 => 0xd6, 8 => 0xd7, 16 => 0xd8, _ => 0 };
        if (fix != 0) { Span(1)[0] = fix; }
        else if (data.Length <= byte.MaxValue) { var s = Span(2); s[0] = 0xc7; s[1] = (byte)data.Length; }
        else if (data.Length <= ushort.MaxValue) { var s = Span(3); s[0] = 0xc8; BinaryPrimitives.WriteUInt16BigEndian(s[1..], (ushort)data.Length); }
        else { var s = Span(5); s[0] = 0xc9; BinaryPrimitives.WriteUInt32BigEndian(s[1..], (uint)data.Length); }
        Span(1)[0] = (byte)typeCode;
        data.CopyTo(Span(data.Length));
    }

    /// <summary>Writes a timestamp in the smallest of the 32, 64 and 96-bit forms.</summary>
    public void WriteTimestamp(MsgPackTimestamp value)
    {
        Span<byte> p = stackalloc byte[12];
        if (value.Seconds >= 0 && value.Seconds >> 34 == 0)
        {
            if (value.Nanoseconds == 0 && value.Seconds <= uint.MaxValue)
            {
                BinaryPrimitives.WriteUInt32BigEndian(p, (uint)value.Seconds);
                WriteExtension(MsgPackTimestamp.TypeCode, p[..4]);
                return;
            }
            BinaryPrimitives.WriteUInt64BigEndian(p, ((ulong)value.Nanoseconds << 34) | (ulong)value.Seconds);
            WriteExtension(MsgPackTimestamp.TypeCode, p[..8]);
            return;
        }
        BinaryPrimitives.WriteUInt32BigEndian(p, value.Nanoseconds);
        BinaryPrimitives.WriteInt64BigEndian(p[4..], value.Seconds);
        WriteExtension(MsgPackTimestamp.TypeCode, p);
    }

    /// <summary>
    /// Writes any supported value: null, bool, every integer type, float, double, string,
    /// byte[]/ReadOnlyMemory/Memory/ArraySegment of byte (bin), <see cref="MsgPackMap"/>,
    /// dictionaries (map), other lists and arrays (array), <see cref="MsgPackExtension"/>,
    /// <see cref="MsgPackTimestamp"/>, <see cref="DateTimeOffset"/> and <see cref="DateTime"/> (timestamp).
    /// </summary>
    /// <exception cref="MsgPackException">A value of another type.</exception>
    public void Write(object? value)
    {
        switch (value)
        {
            case null: WriteNil(); break;
            case bool b: WriteBool(b); break;
            case string s: WriteString(s); break;
            case long l: WriteInt(l); break;
            case int i: WriteInt(i); break;
            case short sh: WriteInt(sh); break;
            case sbyte sb: WriteInt(sb); break;
            case ulong ul: WriteUInt(ul); break;
            case uint ui: WriteUInt(ui); break;
            case ushort us: WriteUInt(us); break;
            case byte by: WriteUInt(by); break;
            case double d: WriteFloat64(d); break;
            case float f: WriteFloat32(f); break;
            case byte[] bytes: WriteBin(bytes); break;
            case ReadOnlyMemory<byte> rom: WriteBin(rom.Span); break;
            case Memory<byte> mem: WriteBin(mem.Span); break;
            case ArraySegment<byte> seg: WriteBin(seg); break;
            case MsgPackTimestamp ts: WriteTimestamp(ts); break;
            case DateTimeOffset dto: WriteTimestamp(MsgPackTimestamp.FromDateTimeOffset(dto)); break;
            case DateTime dt: WriteTimestamp(MsgPackTimestamp.FromDateTimeOffset(new DateTimeOffset(dt.ToUniversalTime()))); break;
            case MsgPackExtension ext: WriteExtension(ext.TypeCode, ext.Data.Span); break;
            case MsgPackMap map:
                WriteMapHeader(map.Count);
                foreach (var kv in map) { Write(kv.Key); Write(kv.Value); }
                break;
            case IDictionary dict:
                WriteMapHeader(dict.Count);
                foreach (DictionaryEntry kv in dict) { Write(kv.Key); Write(kv.Value); }
                break;
            case IReadOnlyDictionary<string, object?> rod:
                WriteMapHeader(rod.Count);
                foreach (var kv in rod) { WriteString(kv.Key); Write(kv.Value); }
                break;
            case IList list:
                WriteArrayHeader(list.Count);
                foreach (object? item in list) Write(item);
                break;
            default:
                throw new MsgPackException($"{value.GetType().Name} has no MessagePack form");
        }
    }

    private void WriteHeader(int n, byte fixBase, int fixMax, byte code8, byte code16, byte code32)
    {
        if (n <= fixMax) { Span(1)[0] = (byte)(fixBase | n); }
        else if (code8 != 0 && n <= byte.MaxValue) { var s = Span(2); s[0] = code8; s[1] = (byte)n; }
        else if (n <= ushort.MaxValue) { var s = Span(3); s[0] = code16; BinaryPrimitives.WriteUInt16BigEndian(s[1..], (ushort)n); }
        else { var s = Span(5); s[0] = code32; BinaryPrimitives.WriteUInt32BigEndian(s[1..], (uint)n); }
    }

    // Reserves count bytes at the end and returns them; grows by doubling so a large bin
    // costs at most one extra copy of the buffer.
    private Span<byte> Span(int count)
    {
        if (_buffer.Length - _length < count)
        {
            long want = Math.Max((long)_buffer.Length * 2, (long)_length + count);
            if (want > Array.MaxLength) want = (long)_length + count;
            if (want > Array.MaxLength) throw new MsgPackException("message exceeds the largest .NET array");
            Array.Resize(ref _buffer, (int)want);
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
