using RtfmGym.Bridge.MessagePack;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// One request waiting for a worker: the routing envelope to answer on, the request's id,
/// op and map. A null <see cref="Op"/> marks the internal "session expired: close everything" item.
/// </summary>
internal sealed record WorkItem(IReadOnlyList<byte[]> Envelope, object? Id, string? Op, MsgPackMap? Request)
{
    /// <summary>The item that closes an expired session's environments.</summary>
    public static WorkItem Expire(IReadOnlyList<byte[]> envelope) => new(envelope, null, null, null);
}
