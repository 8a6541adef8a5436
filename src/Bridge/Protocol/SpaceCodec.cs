using RtfmGym.Bridge.MessagePack;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Protocol;

/// <summary>
/// Spaces as maps: <c>{type: "box", dtype, shape, low, high}</c> (each bound a float64 scalar when
/// all its elements are equal, as for an image's 0 and 255, else a float64 array of the box's shape),
/// <c>{type: "discrete", n, start}</c>, <c>{type: "multi_discrete", nvec}</c>,
/// <c>{type: "dict", spaces: {name: space, ...}}</c> (order kept).
/// </summary>
public static class SpaceCodec
{
    /// <summary>The map form of <paramref name="space"/>, ready for <see cref="WireWriter.WriteValue"/>.</summary>
    public static Dictionary<string, object?> ToWire(Space space) => space switch
    {
        BoxSpace b => new()
        {
            ["type"] = "box",
            ["dtype"] = b.Dtype.NumpyName(),
            ["shape"] = b.Shape.ToArray(),
            ["low"] = Bound(b.Low, b.Shape),
            ["high"] = Bound(b.High, b.Shape),
        },
        DiscreteSpace d => new() { ["type"] = "discrete", ["n"] = d.N, ["start"] = d.Start },
        MultiDiscreteSpace m => new() { ["type"] = "multi_discrete", ["nvec"] = m.Nvec.ToArray() },
        DictSpace d => new()
        {
            ["type"] = "dict",
            ["spaces"] = d.Spaces.ToDictionary(kv => kv.Key, kv => (object?)ToWire(kv.Value)),
        },
        _ => throw new NotSupportedException($"Space {space.GetType().Name} has no wire form."),
    };

    /// <summary>Rebuilds a space from its map form.</summary>
    /// <exception cref="BridgeException">bad_message: not a space map.</exception>
    public static Space FromWire(object? wire)
    {
        if (wire is not MsgPackMap map || !map.TryGetValue("type", out object? type) || type is not string kind)
            throw new BridgeException(ErrorCodes.BadMessage, "a space must be a map with a string 'type'");
        try
        {
            switch (kind)
            {
                case "box":
                    if (!DTypeInfo.TryParseNumpyName(Field<string>(map, "dtype"), out DType dtype))
                        throw new BridgeException(ErrorCodes.BadMessage, "unknown box dtype");
                    int[] shape = Field<object?[]>(map, "shape").Select(Dimension).ToArray();
                    return new BoxSpace(ReadBound(map, "low", shape), ReadBound(map, "high", shape), shape, dtype);
                case "discrete":
                    return new DiscreteSpace(WireReader.AsLong(Field<object>(map, "n"), "n"), map.TryGetValue("start", out object? s) ? WireReader.AsLong(s, "start") : 0);
                case "multi_discrete":
                    return new MultiDiscreteSpace(Field<object?[]>(map, "nvec").Select(x => WireReader.AsLong(x, "nvec")).ToArray());
                case "dict":
                    return new DictSpace(Field<MsgPackMap>(map, "spaces").Select(kv =>
                        new KeyValuePair<string, Space>(kv.Key as string ?? throw new BridgeException(ErrorCodes.BadMessage, "dict space keys must be strings"), FromWire(kv.Value))));
                default:
                    throw new BridgeException(ErrorCodes.BadMessage, $"unknown space type '{kind}'");
            }
        }
        catch (ArgumentException e)
        {
            throw new BridgeException(ErrorCodes.BadMessage, "invalid space: " + e.Message);
        }
    }

    /// <summary>A scalar when every element is the same (an image's 255 is 8 bytes, not 8 per pixel), else the array.</summary>
    private static object Bound(IReadOnlyList<double> values, IReadOnlyList<int> shape)
    {
        double first = values.Count > 0 ? values[0] : 0;
        bool uniform = values.All(v => v.Equals(first)); // Equals: NaN equals NaN, unlike ==
        return uniform ? first : NDArray.From<double>(values.ToArray(), shape.ToArray());
    }

    private static int Dimension(object? wire)
    {
        long d = WireReader.AsLong(wire, "shape");
        return d is >= 0 and <= WireReader.MaxElements ? (int)d : throw new BridgeException(ErrorCodes.BadMessage, $"box dimension {d} out of range");
    }

    /// <summary>A bound sent as a scalar (broadcast to <paramref name="shape"/>) or as an array of that many elements.</summary>
    private static double[] ReadBound(MsgPackMap map, string key, int[] shape)
    {
        long count = shape.Aggregate(1L, (n, d) => n * Math.Max(d, 0));
        if (count > WireReader.MaxElements) throw new BridgeException(ErrorCodes.BadMessage, $"box of more than {WireReader.MaxElements} elements");
        map.TryGetValue(key, out object? bound);
        double[] values = bound switch
        {
            double d => Enumerable.Repeat(d, (int)count).ToArray(),
            float f => Enumerable.Repeat((double)f, (int)count).ToArray(),
            long or ulong => Enumerable.Repeat(Convert.ToDouble(bound, System.Globalization.CultureInfo.InvariantCulture), (int)count).ToArray(),
            MsgPackMap m => WireReader.ToNDArray(m).ToDoubleArray(),
            _ => throw new BridgeException(ErrorCodes.BadMessage, $"space field '{key}' must be a number or an array"),
        };
        if (values.Length != count) throw new BridgeException(ErrorCodes.BadMessage, $"space field '{key}' has {values.Length} elements for shape [{string.Join(", ", shape)}]");
        return values;
    }

    private static T Field<T>(MsgPackMap map, string key) =>
        map.TryGetValue(key, out object? v) && v is T t ? t : throw new BridgeException(ErrorCodes.BadMessage, $"space field '{key}' missing or not a {typeof(T).Name}");
}
