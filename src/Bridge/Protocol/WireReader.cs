using RtfmGym.Bridge.MessagePack;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Protocol;

/// <summary>
/// Turns decoded MessagePack into environment values, guided by the space the value should
/// belong to: msgpack-numpy maps become <see cref="NDArray"/>; plain lists become an
/// <see cref="NDArray"/> for a box, <c>long[]</c> for a multi-discrete space; maps become
/// string-keyed dictionaries. Malformed input raises <see cref="BridgeException"/> (bad_message);
/// whether a well-formed value is in the space is the environment's call.
/// </summary>
public static class WireReader
{
    /// <summary>The largest element count accepted for an array (2^28, 1 GiB of float32).</summary>
    public const long MaxElements = 1L << 28;

    /// <summary>Converts <paramref name="wire"/>, using <paramref name="hint"/> (may be null) to pick types.</summary>
    public static object? ToValue(object? wire, Space? hint = null)
    {
        switch (wire)
        {
            case MsgPackMap map when IsNDArray(map): return ToNDArray(map);
            case MsgPackMap map:
                var dict = new Dictionary<string, object>(map.Count);
                foreach (var kv in map)
                {
                    if (kv.Key is not string key) throw Bad("map keys must be strings");
                    Space? sub = hint is DictSpace ds ? ds.Spaces.FirstOrDefault(s => s.Key == key).Value : null;
                    dict[key] = ToValue(kv.Value, sub)!;
                }
                return dict;
            case object?[] list:
                return hint switch
                {
                    MultiDiscreteSpace => list.Select(x => AsLong(x, "multi-discrete element")).ToArray(),
                    BoxSpace box => ListToNDArray(list, box),
                    _ => PlainList(list),
                };
            case ReadOnlyMemory<byte> bin: return bin.ToArray();
            default: return wire;
        }
    }

    /// <summary>True when <paramref name="map"/> is a msgpack-numpy array (has <c>nd: true</c>).</summary>
    public static bool IsNDArray(MsgPackMap map) => map.TryGetValue("nd", out object? nd) && nd is true;

    /// <summary>Decodes a msgpack-numpy map; the data is copied once into the array's own buffer.</summary>
    public static NDArray ToNDArray(MsgPackMap map)
    {
        if (!map.TryGetValue("type", out object? type) || TypeText(type) is not { } typeText || !NumpyDType.TryParse(typeText, out DType dtype))
            throw Bad($"array type {Describe(type)} is not one of |u1, |b1, <i4, <i8, <f4, <f8");
        if (!map.TryGetValue("shape", out object? shapeWire) || shapeWire is not object?[] shapeList)
            throw Bad("array shape must be a list of integers");
        if (!map.TryGetValue("data", out object? dataWire) || dataWire is not ReadOnlyMemory<byte> data)
            throw Bad("array data must be bin");
        var shape = new int[shapeList.Length];
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            long d = AsLong(shapeList[i], "array dimension");
            if (d < 0 || d > MaxElements) throw Bad($"array dimension {d} out of range");
            shape[i] = (int)d;
            count *= d;
            if (count > MaxElements) throw Bad($"array of more than {MaxElements} elements");
        }
        if (count * dtype.Size() != data.Length)
            throw Bad($"array of shape [{string.Join(", ", shape)}] and type {typeText} needs {count * dtype.Size()} bytes, got {data.Length}");
        return new NDArray(dtype, shape, data.ToArray());
    }

    /// <summary>Reads an integer field (long, or a ulong that fits).</summary>
    public static long AsLong(object? value, string what) => value switch
    {
        long l => l,
        ulong u when u <= long.MaxValue => (long)u,
        _ => throw Bad($"{what} must be an integer, got {Describe(value)}"),
    };

    private static string? TypeText(object? type) => type switch
    {
        string s => s,
        ReadOnlyMemory<byte> b => System.Text.Encoding.ASCII.GetString(b.Span),
        _ => null,
    };

    private static NDArray ListToNDArray(object?[] list, BoxSpace box)
    {
        var flat = new List<double>();
        Flatten(list, flat, 0);
        if (flat.Count != box.Count) throw Bad($"box of {box.Count} elements, got a list of {flat.Count}");
        int[] shape = box.Shape.ToArray();
        return box.Dtype switch
        {
            DType.Float32 => NDArray.From<float>(flat.Select(d => (float)d).ToArray(), shape),
            DType.Float64 => NDArray.From<double>(flat.ToArray(), shape),
            DType.Int32 => NDArray.From<int>(flat.Select(d => (int)d).ToArray(), shape),
            DType.Int64 => NDArray.From<long>(flat.Select(d => (long)d).ToArray(), shape),
            DType.UInt8 => NDArray.From<byte>(flat.Select(d => (byte)d).ToArray(), shape),
            _ => NDArray.From<bool>(flat.Select(d => d != 0).ToArray(), shape),
        };
    }

    private static void Flatten(object?[] list, List<double> into, int depth)
    {
        if (depth > 32) throw Bad("list nested too deeply");
        foreach (object? x in list)
        {
            switch (x)
            {
                case object?[] inner: Flatten(inner, into, depth + 1); break;
                case long l: into.Add(l); break;
                case ulong u: into.Add(u); break;
                case double d: into.Add(d); break;
                case float f: into.Add(f); break;
                case bool b: into.Add(b ? 1 : 0); break;
                default: throw Bad($"box element must be a number, got {Describe(x)}");
            }
            if (into.Count > MaxElements) throw Bad("list too long");
        }
    }

    private static object PlainList(object?[] list)
    {
        if (list.Length > 0 && list.All(x => x is long)) return list.Select(x => (long)x!).ToArray();
        if (list.Length > 0 && list.All(x => x is long or double or float)) return list.Select(x => Convert.ToDouble(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return list.Select(x => ToValue(x)).ToArray();
    }

    private static string Describe(object? v) => v is null ? "nil" : v.GetType().Name;

    private static BridgeException Bad(string message) => new(ErrorCodes.BadMessage, message);
}
