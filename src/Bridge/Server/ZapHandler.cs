using System.Text;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// A ZeroMQ authentication (ZAP, RFC 27) handler: answers the requests libzmq sends to
/// inproc://zeromq.zap.01 during CURVE handshakes, letting in only listed client keys.
/// Runs on the server's I/O thread; each request is one REP round trip.
/// </summary>
internal sealed class ZapHandler(IReadOnlySet<string>? allowedClientKeys, BridgeLog log)
{
    /// <summary>The fixed endpoint libzmq sends ZAP requests to.</summary>
    public const string Endpoint = "inproc://zeromq.zap.01";

    private static readonly byte[] Version = "1.0"u8.ToArray();

    /// <summary>Reads one request from <paramref name="socket"/> (REP) and answers it.</summary>
    public void HandleOne(ZmqSocket socket)
    {
        var frames = socket.TryReceiveMultipart(out _, dontWait: true);
        if (frames is null) return;
        var (status, text, user) = Decide(frames);
        byte[] requestId = frames.Count > 1 ? frames[1] : [];
        socket.SendMultipart([Version, requestId, Encoding.ASCII.GetBytes(status), Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(user), Array.Empty<byte>()]);
    }

    /// <summary>
    /// The answer to a request [version, request id, domain, address, routing id, mechanism,
    /// credentials...]: "200" for a CURVE client whose 32-byte key is listed (or any CURVE
    /// client when no list is set), "400" otherwise. The user id is the client key in Z85.
    /// </summary>
    internal (string Status, string Text, string User) Decide(IReadOnlyList<byte[]> frames)
    {
        if (frames.Count < 6 || !frames[0].AsSpan().SequenceEqual(Version))
            return ("500", "malformed ZAP request", "");
        string address = Encoding.UTF8.GetString(frames[3]);
        string mechanism = Encoding.ASCII.GetString(frames[5]);
        if (mechanism != "CURVE" || frames.Count < 7 || frames[6].Length != 32)
        {
            log.Info($"refused {mechanism} connection from {address}: CURVE required");
            return ("400", "CURVE required", "");
        }
        string key = ZmqCurve.Encode(frames[6]);
        if (allowedClientKeys is not null && !allowedClientKeys.Contains(key))
        {
            log.Info($"refused CURVE client {key} from {address}: key not listed");
            return ("400", "client key not allowed", "");
        }
        log.Info($"accepted CURVE client {key} from {address}");
        return ("200", "OK", key);
    }
}
