namespace RtfmGym.Bridge.Protocol;

/// <summary>The error codes of error replies <c>{id, error: {code, message}}</c> (docs/protocol.md lists when each is sent).</summary>
public static class ErrorCodes
{
    /// <summary>Not MessagePack, not a map, or a field missing or of the wrong type.</summary>
    public const string BadMessage = "bad_message";
    /// <summary>The op is not one this server knows.</summary>
    public const string UnknownOp = "unknown_op";
    /// <summary>No environment with that id belongs to this client.</summary>
    public const string UnknownEnv = "unknown_env";
    /// <summary>The action is not in the action space; the episode is unchanged.</summary>
    public const string InvalidAction = "invalid_action";
    /// <summary>A field is well-formed but its value is refused: a reset option or seed, make's autoreset_mode (the message names it).</summary>
    public const string InvalidArgument = "invalid_argument";
    /// <summary>The call is not valid in the environment's state (step before reset, after the end).</summary>
    public const string InvalidState = "invalid_state";
    /// <summary>The scenario name is unknown or the inline scenario is invalid.</summary>
    public const string InvalidScenario = "invalid_scenario";
    /// <summary>Too many requests queued; retry later.</summary>
    public const string ServerBusy = "server_busy";
    /// <summary>The client's protocol major version differs from the server's.</summary>
    public const string VersionMismatch = "version_mismatch";
    /// <summary>A per-client limit (environments, batch size) would be exceeded.</summary>
    public const string LimitExceeded = "limit_exceeded";
    /// <summary>The op exists but this server or environment cannot do it (snapshot, restore).</summary>
    public const string Unsupported = "unsupported";
    /// <summary>The environment failed in a way the client cannot fix (its message says how).</summary>
    public const string EnvError = "env_error";
    /// <summary>A server bug; the message is generic and the details are in the server log.</summary>
    public const string Internal = "internal";
}
