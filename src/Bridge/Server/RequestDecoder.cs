using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// Turns a request's payload into (id, op, map), on the worker that runs it: a large or
/// malformed request costs its own client's turn, not the thread every client shares.
/// </summary>
internal static class RequestDecoder
{
    /// <summary>What is wrong with a request that cannot run: the reply's id, code and message.</summary>
    public sealed record Problem(object? Id, string Code, string Message);

    /// <summary>Decodes <paramref name="item"/> (see <see cref="WorkItem.Decoded"/>); null when it can run, else the error to answer.</summary>
    public static Problem? Decode(WorkItem item, MsgPackReaderOptions options)
    {
        MsgPackMap map;
        try
        {
            map = MsgPackReader.Decode(item.Payload, options) as MsgPackMap
                ?? throw new MsgPackException("a request must be a map");
        }
        catch (MsgPackException e)
        {
            return new Problem(PeekId(item.Payload!), ErrorCodes.BadMessage, "not a MessagePack map: " + e.Message);
        }
        if (!map.TryGetValue("id", out object? id) || id is not (long or ulong or string))
            return new Problem(null, ErrorCodes.BadMessage, "'id' (an integer or string) is required");
        if (!map.TryGetValue("op", out object? opValue) || opValue is not string op)
            return new Problem(id, ErrorCodes.BadMessage, "'op' (a string) is required");
        if (!Ops.All.Contains(op))
            return new Problem(id, ErrorCodes.UnknownOp, $"unknown op '{(op.Length > 64 ? op[..64] + "..." : op)}'; known: {string.Join(", ", Ops.All)}");
        item.Decoded(id, op, map);
        return null;
    }

    /// <summary>The request's id when it comes first in the map (as clients write it), else null; reads nothing else.</summary>
    public static object? PeekId(ReadOnlyMemory<byte> payload) =>
        MsgPackReader.TryPeekFirstEntry(payload, out object? key, out object? value) && key is "id" && value is long or ulong or string ? value : null;
}
