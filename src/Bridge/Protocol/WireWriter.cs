using System.Collections;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Protocol;

/// <summary>
/// Writes environment values (observations, infos, spaces) to MessagePack. An
/// <see cref="NDArray"/> becomes a map in the msgpack-numpy convention (bin keys
/// <c>nd</c>, <c>type</c>, <c>kind</c>, <c>shape</c>, <c>data</c>), so Python decodes it
/// with <c>np.frombuffer</c> and no copy; its bytes are block-copied once into the message.
/// </summary>
public static class WireWriter
{
    private static readonly byte[] NdKey = "nd"u8.ToArray();
    private static readonly byte[] TypeKey = "type"u8.ToArray();
    private static readonly byte[] KindKey = "kind"u8.ToArray();
    private static readonly byte[] ShapeKey = "shape"u8.ToArray();
    private static readonly byte[] DataKey = "data"u8.ToArray();

    /// <summary>
    /// Writes <paramref name="value"/>. Types with no MessagePack form (in info dictionaries,
    /// say) are written as their <c>ToString()</c> so a reply can always be sent.
    /// </summary>
    public static void WriteValue(MsgPackWriter w, object? value)
    {
        switch (value)
        {
            case NDArray a: WriteNDArray(w, a); break;
            case Space s: WriteValue(w, SpaceCodec.ToWire(s)); break;
            case null or bool or string or long or int or short or sbyte or ulong or uint or ushort or byte or double or float
                or byte[] or ReadOnlyMemory<byte> or MsgPackMap or MsgPackTimestamp or MsgPackExtension:
                w.Write(value);
                break;
            case Enum e: w.WriteString(e.ToString()); break;
            case IReadOnlyDictionary<string, object?> d:
                w.WriteMapHeader(d.Count);
                foreach (var kv in d) { w.WriteString(kv.Key); WriteValue(w, kv.Value); }
                break;
            case IDictionary d:
                w.WriteMapHeader(d.Count);
                foreach (DictionaryEntry kv in d) { w.WriteString(Convert.ToString(kv.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""); WriteValue(w, kv.Value); }
                break;
            case IList list:
                w.WriteArrayHeader(list.Count);
                foreach (object? item in list) WriteValue(w, item);
                break;
            default: w.WriteString(value.ToString() ?? value.GetType().Name); break;
        }
    }

    /// <summary>Writes an array as a msgpack-numpy map.</summary>
    public static void WriteNDArray(MsgPackWriter w, NDArray a)
    {
        w.WriteMapHeader(5);
        w.WriteBin(NdKey); w.WriteBool(true);
        w.WriteBin(TypeKey); w.WriteString(NumpyDType.ToDTypeString(a.Dtype));
        w.WriteBin(KindKey); w.WriteBin([]);
        w.WriteBin(ShapeKey);
        w.WriteArrayHeader(a.Shape.Count);
        foreach (int d in a.Shape) w.WriteInt(d);
        w.WriteBin(DataKey); w.WriteBin(a.RawBytes);
    }
}
