namespace RtfmGym.Bridge.Client;

/// <summary>How a <see cref="BridgeClient"/> connects. Validated when built.</summary>
public sealed record BridgeClientOptions
{
    /// <summary>Creates options; see the properties for units and defaults.</summary>
    public BridgeClientOptions(
        string endpoint = Server.BridgeServerOptions.DefaultBind,
        TimeSpan? timeout = null,
        string? curveServerKey = null,
        string? curvePublicKey = null,
        string? curveSecretKey = null)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || !endpoint.Contains("://", StringComparison.Ordinal))
            throw new ArgumentException($"Endpoint '{endpoint}' is not transport://address.", nameof(endpoint));
        var t = timeout ?? TimeSpan.FromSeconds(30);
        if (t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), t, "Must be positive.");
        if (curveServerKey is not null && (curvePublicKey is null || curveSecretKey is null))
            throw new ArgumentException("CURVE needs the server's public key and the client's key pair.", nameof(curveServerKey));
        foreach (string? k in new[] { curveServerKey, curvePublicKey, curveSecretKey })
        {
            if (k is not null && k.Length != 40) throw new ArgumentException("CURVE keys are 40 Z85 characters.");
        }
        Endpoint = endpoint;
        Timeout = t;
        CurveServerKey = curveServerKey;
        CurvePublicKey = curvePublicKey;
        CurveSecretKey = curveSecretKey;
    }

    /// <summary>The server endpoint (default tcp://127.0.0.1:5555).</summary>
    public string Endpoint { get; }

    /// <summary>How long to wait for each reply (default 30 s) before <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The server's CURVE public key (Z85), or null for a plain connection.</summary>
    public string? CurveServerKey { get; }

    /// <summary>This client's CURVE public key (Z85).</summary>
    public string? CurvePublicKey { get; }

    /// <summary>This client's CURVE secret key (Z85).</summary>
    public string? CurveSecretKey { get; }
}
