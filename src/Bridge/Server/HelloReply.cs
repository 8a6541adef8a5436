using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;

namespace RtfmGym.Bridge.Server;

/// <summary>Answers <c>hello</c>: the version check, the server's capabilities and every limit a client can run into.</summary>
internal static class HelloReply
{
    public static void Write(MsgPackWriter w, object? id, MsgPackMap request, BridgeServerOptions options, bool curve)
    {
        if (!request.TryGetValue("version", out object? v) || v is not string text || !ProtocolVersion.TryParse(text, out var clientVersion))
        {
            ReplyWriter.Error(w, id, ErrorCodes.BadMessage, "hello needs 'version': the client's protocol version as MAJOR.MINOR.PATCH");
            return;
        }
        var check = ProtocolVersion.Check(clientVersion, ProtocolVersion.Current);
        if (!check.IsCompatible)
        {
            ReplyWriter.Error(w, id, ErrorCodes.VersionMismatch, check.Note + "; use a client for protocol " + ProtocolVersion.Current.Major + ".x");
            return;
        }
        ReplyWriter.Ok(w, id, new Dictionary<string, object?>
        {
            ["protocol"] = ProtocolVersion.Current.ToString(),
            ["server"] = BridgeServer.ServerVersion,
            ["capabilities"] = new Dictionary<string, object?>
            {
                ["ops"] = Ops.All.ToArray(),
                ["autoreset"] = true,
                ["snapshot"] = true,
                ["curve"] = curve,
            },
            ["limits"] = new Dictionary<string, object?>
            {
                ["max_envs_per_client"] = options.MaxEnvsPerClient,
                ["max_envs"] = options.MaxEnvs,
                ["max_message_bytes"] = options.MaxMessageBytes,
                ["max_request_items"] = options.MaxRequestItems,
                ["max_batch_size"] = options.MaxBatchSize,
                ["max_pending_per_client"] = options.MaxPendingPerClient,
                ["max_queued_bytes_per_client"] = options.MaxQueuedBytesPerClient,
                ["max_queued_bytes"] = options.MaxQueuedBytes,
                ["session_timeout_ms"] = (long)options.SessionTimeout.TotalMilliseconds,
            },
            ["note"] = check.Note,
        });
    }
}
