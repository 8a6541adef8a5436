namespace RtfmGym.Bridge.Server;

/// <summary>
/// Bytes of requests received and not yet answered, per client and in all: a request that
/// would go over either limit is refused on receipt (server_busy) instead of being held.
/// </summary>
internal sealed class QueueBudget(BridgeServerOptions options)
{
    private long _total;

    /// <summary>Bytes of requests queued or running across all clients.</summary>
    public long QueuedBytes => Interlocked.Read(ref _total);

    /// <summary>Takes <paramref name="bytes"/> from the budgets, or returns the refusal's message (and takes nothing).</summary>
    public string? TryAdmit(ClientSession session, int bytes)
    {
        if (session.QueuedBytes + bytes > options.MaxQueuedBytesPerClient)
            return $"{session.QueuedBytes:N0} bytes of this client's requests are queued and this one has {bytes:N0} (limit {options.MaxQueuedBytesPerClient:N0} per client); wait for replies";
        if (Interlocked.Add(ref _total, bytes) > options.MaxQueuedBytes)
        {
            Interlocked.Add(ref _total, -bytes);
            return $"the server holds {options.MaxQueuedBytes:N0} bytes of queued requests (all clients); retry later";
        }
        return null;
    }

    /// <summary>Gives back what an admitted request took.</summary>
    public void Release(int bytes) => Interlocked.Add(ref _total, -bytes);
}
