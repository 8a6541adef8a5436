namespace RtfmGym.Bridge.Server;

/// <summary>How a <see cref="BridgeServer"/> binds, schedules and limits clients. Validated when built.</summary>
public sealed record BridgeServerOptions
{
    /// <summary>The default endpoint: loopback only, port 5555.</summary>
    public const string DefaultBind = "tcp://127.0.0.1:5555";

    /// <summary>Creates options; every argument is checked (see the properties for units and defaults).</summary>
    public BridgeServerOptions(
        string bind = DefaultBind,
        int workers = 0,
        int maxEnvsPerClient = 16,
        long maxMessageBytes = 64L << 20,
        TimeSpan? sessionTimeout = null,
        int maxPendingPerClient = 256,
        int maxBatchSize = 1024,
        TimeSpan? heartbeatInterval = null,
        string? curveSecretKey = null,
        IReadOnlyCollection<string>? curveAllowedClientKeys = null,
        int maxEnvs = 256,
        long maxQueuedBytesPerClient = 128L << 20,
        long maxQueuedBytes = 512L << 20,
        int maxRequestItems = 1 << 20)
    {
        if (string.IsNullOrWhiteSpace(bind) || !bind.Contains("://", StringComparison.Ordinal))
            throw new ArgumentException($"Bind endpoint '{bind}' is not transport://address.", nameof(bind));
        if (workers < 0 || workers > 256) throw new ArgumentOutOfRangeException(nameof(workers), workers, "0 (one per core) to 256.");
        if (maxEnvsPerClient < 1) throw new ArgumentOutOfRangeException(nameof(maxEnvsPerClient), maxEnvsPerClient, "At least 1.");
        if (maxMessageBytes < 1024) throw new ArgumentOutOfRangeException(nameof(maxMessageBytes), maxMessageBytes, "At least 1024 bytes.");
        var timeout = sessionTimeout ?? TimeSpan.FromMinutes(5);
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(sessionTimeout), timeout, "Must be positive.");
        if (maxPendingPerClient < 1) throw new ArgumentOutOfRangeException(nameof(maxPendingPerClient), maxPendingPerClient, "At least 1.");
        if (maxBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(maxBatchSize), maxBatchSize, "At least 1.");
        var heartbeat = heartbeatInterval ?? TimeSpan.FromSeconds(2);
        if (heartbeat < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(heartbeatInterval), heartbeat, "Zero (off) or positive.");
        if (maxEnvs < maxEnvsPerClient) throw new ArgumentOutOfRangeException(nameof(maxEnvs), maxEnvs, $"At least the per-client limit ({maxEnvsPerClient}).");
        if (maxQueuedBytesPerClient < maxMessageBytes)
            throw new ArgumentOutOfRangeException(nameof(maxQueuedBytesPerClient), maxQueuedBytesPerClient, $"At least the largest request ({maxMessageBytes} bytes), or no request of that size could ever be queued.");
        if (maxQueuedBytes < maxQueuedBytesPerClient)
            throw new ArgumentOutOfRangeException(nameof(maxQueuedBytes), maxQueuedBytes, $"At least the per-client limit ({maxQueuedBytesPerClient} bytes).");
        if (maxRequestItems < 1024) throw new ArgumentOutOfRangeException(nameof(maxRequestItems), maxRequestItems, "At least 1024.");
        if (curveSecretKey is not null && curveSecretKey.Length != 40)
            throw new ArgumentException("A CURVE secret key is 40 Z85 characters.", nameof(curveSecretKey));
        if (curveAllowedClientKeys is not null && curveSecretKey is null)
            throw new ArgumentException("Allowed client keys need a server secret key.", nameof(curveAllowedClientKeys));
        if (curveAllowedClientKeys?.FirstOrDefault(k => k.Length != 40) is { } badKey)
            throw new ArgumentException($"Client key '{badKey}' is not 40 Z85 characters.", nameof(curveAllowedClientKeys));

        Bind = bind;
        Workers = workers == 0 ? Math.Max(1, Environment.ProcessorCount) : workers;
        MaxEnvsPerClient = maxEnvsPerClient;
        MaxMessageBytes = maxMessageBytes;
        SessionTimeout = timeout;
        MaxPendingPerClient = maxPendingPerClient;
        MaxBatchSize = maxBatchSize;
        HeartbeatInterval = heartbeat;
        CurveSecretKey = curveSecretKey;
        MaxEnvs = maxEnvs;
        MaxQueuedBytesPerClient = maxQueuedBytesPerClient;
        MaxQueuedBytes = maxQueuedBytes;
        MaxRequestItems = maxRequestItems;
        CurveAllowedClientKeys = curveAllowedClientKeys is null ? null : new HashSet<string>(curveAllowedClientKeys, StringComparer.Ordinal);
    }

    /// <summary>The zmq endpoint to bind (default tcp://127.0.0.1:5555; "tcp://127.0.0.1:*" picks a free port).</summary>
    public string Bind { get; }

    /// <summary>Requests run at once, each on its own thread (default: one per core); the server has one thread more, which keeps receiving while they all run.</summary>
    public int Workers { get; }

    /// <summary>Live environments one client may hold (default 16); more gives limit_exceeded.</summary>
    public int MaxEnvsPerClient { get; }

    /// <summary>Live environments across all clients (default 256, at least <see cref="MaxEnvsPerClient"/>); more gives limit_exceeded.</summary>
    public int MaxEnvs { get; }

    /// <summary>
    /// Bytes of one client's requests received and not yet answered (default 128 MiB, at least
    /// <see cref="MaxMessageBytes"/>); a request beyond it is refused on receipt with server_busy.
    /// </summary>
    public long MaxQueuedBytesPerClient { get; }

    /// <summary>Bytes of requests received and not yet answered, all clients together (default 512 MiB); beyond it: server_busy.</summary>
    public long MaxQueuedBytes { get; }

    /// <summary>
    /// Array elements and map entries in one request, all together (default 1,048,576): a
    /// request of a million nils would otherwise cost hundreds of megabytes once decoded.
    /// </summary>
    public int MaxRequestItems { get; }

    /// <summary>Largest request in bytes (ZMQ_MAXMSGSIZE; default 64 MiB): a bigger one disconnects the sender.</summary>
    public long MaxMessageBytes { get; }

    /// <summary>A client silent this long has its environments closed (default 5 minutes).</summary>
    public TimeSpan SessionTimeout { get; }

    /// <summary>Requests of one client queued at once (default 256); more are answered server_busy.</summary>
    public int MaxPendingPerClient { get; }

    /// <summary>Most steps in one step_batch (default 1024); a batch runs in slices so that other clients' requests run between them.</summary>
    public int MaxBatchSize { get; }

    /// <summary>ZMTP heartbeat interval (default 2 s; zero turns heartbeats off); a peer silent for 3 intervals is dropped.</summary>
    public TimeSpan HeartbeatInterval { get; }

    /// <summary>The server's CURVE secret key (Z85), or null for no encryption.</summary>
    public string? CurveSecretKey { get; }

    /// <summary>Client public keys (Z85) let in under CURVE; null lets any CURVE client in.</summary>
    public IReadOnlySet<string>? CurveAllowedClientKeys { get; }
}
