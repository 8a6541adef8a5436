using RtfmGym.Bridge.MessagePack;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// One request waiting for a worker: the routing envelope to answer on and the raw MessagePack
/// payload, decoded by the worker that runs it (never on the receiving thread). A null
/// <see cref="Op"/> on a decoded item marks the internal "session expired: close everything" item.
/// A <c>step_batch</c> runs in slices: <see cref="BatchResults"/> holds the steps done so far.
/// </summary>
internal sealed class WorkItem(IReadOnlyList<byte[]> envelope, byte[]? payload)
{
    public IReadOnlyList<byte[]> Envelope { get; } = envelope;

    /// <summary>The request as received; null once decoded (so its memory can go) and for internal items.</summary>
    public byte[]? Payload { get; private set; } = payload;

    /// <summary>Bytes this item holds against the queue budgets (the payload's length).</summary>
    public int Bytes { get; } = payload?.Length ?? 0;

    public bool IsDecoded { get; private set; } = payload is null;

    public object? Id { get; private set; }

    public string? Op { get; private set; }

    public MsgPackMap? Request { get; private set; }

    /// <summary>Results of a step_batch's steps run so far; null until its first slice.</summary>
    public object?[]? BatchResults { get; set; }

    /// <summary>Steps of a step_batch run so far.</summary>
    public int BatchDone { get; set; }

    /// <summary>True while a step_batch has steps left: the worker yields and comes back to it.</summary>
    public bool Unfinished => BatchResults is not null && BatchDone < BatchResults.Length;

    /// <summary>Records the decoded request and lets go of the payload.</summary>
    public void Decoded(object? id, string op, MsgPackMap request)
    {
        Id = id;
        Op = op;
        Request = request;
        Payload = null;
        IsDecoded = true;
    }

    /// <summary>The item that closes an expired session's environments.</summary>
    public static WorkItem Expire(IReadOnlyList<byte[]> envelope) => new(envelope, null);
}
