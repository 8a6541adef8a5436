using RtfmGym.Bridge.MessagePack;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Protocol;

/// <summary>
/// Spaces as maps: <c>{type: "box", dtype, shape, low, high}</c> (bounds as float64 arrays),
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
            ["low"] = NDArray.From<double>(b.Low.ToArray(), b.Shape.ToArray()),
            ["high"] = NDArray.From<double>(b.High.ToArray(), b.Shape.ToArray()),
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
                    var low = WireReader.ToNDArray(Field<MsgPackMap>(map, "low"));
                    var high = WireReader.ToNDArray(Field<MsgPackMap>(map, "high"));
                    if (!DTypeInfo.TryParseNumpyName(Field<string>(map, "dtype"), out DType dtype))
                        throw new BridgeException(ErrorCodes.BadMessage, "unknown box dtype");
                    int[] shape = Field<object?[]>(map, "shape").Select(x => (int)WireReader.AsLong(x, "shape")).ToArray();
                    return new BoxSpace(low.ToDoubleArray(), high.ToDoubleArray(), shape, dtype);
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

    private static T Field<T>(MsgPackMap map, string key) =>
        map.TryGetValue(key, out object? v) && v is T t ? t : throw new BridgeException(ErrorCodes.BadMessage, $"space field '{key}' missing or not a {typeof(T).Name}");
}
