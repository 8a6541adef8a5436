using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Client;

/// <summary>
/// A protocol connection (one DEALER socket). Requests may be pipelined: <see cref="Send"/>
/// several, then <see cref="Receive"/> each by id; replies arriving out of order are kept
/// until asked for. Not thread-safe (like the socket beneath).
/// </summary>
public sealed class BridgeClient : IDisposable
{
    private readonly ZmqContext _context = new();
    private readonly ZmqSocket _socket;
    private readonly MsgPackWriter _writer = new(1024);
    private readonly Dictionary<long, MsgPackMap> _early = [];
    private long _nextId;

    /// <summary>Connects (lazily, as zmq does) and says hello; throws <see cref="BridgeException"/> (version_mismatch) for an incompatible server.</summary>
    public BridgeClient(BridgeClientOptions options)
    {
        Options = options;
        _socket = _context.CreateSocket(ZmqSocketType.Dealer);
        try
        {
            _socket.SetOption(ZmqSocketOption.ReceiveTimeout, (int)options.Timeout.TotalMilliseconds);
            _socket.SetOption(ZmqSocketOption.SendTimeout, (int)options.Timeout.TotalMilliseconds);
            // ZMTP heartbeats notice a dead server between requests, as the server does for clients.
            _socket.SetOption(ZmqSocketOption.HeartbeatInterval, 2000);
            _socket.SetOption(ZmqSocketOption.HeartbeatTimeout, 6000);
            if (options.CurveServerKey is not null)
            {
                _socket.SetOption(ZmqSocketOption.CurveServerKey, ZmqCurve.Decode(options.CurveServerKey));
                _socket.SetOption(ZmqSocketOption.CurvePublicKey, ZmqCurve.Decode(options.CurvePublicKey!));
                _socket.SetOption(ZmqSocketOption.CurveSecretKey, ZmqCurve.Decode(options.CurveSecretKey!));
            }
            _socket.Connect(options.Endpoint);
            ServerInfo = Call(Ops.Hello, new Dictionary<string, object?> { ["version"] = ProtocolVersion.Current.ToString(), ["client"] = "rtfmgym-dotnet" });
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The endpoint, timeouts and keys this client was opened with.</summary>
    public BridgeClientOptions Options { get; }

    /// <summary>hello's result: protocol, server, capabilities, limits.</summary>
    public MsgPackMap ServerInfo { get; }

    /// <summary>Sends one request without waiting; returns its id.</summary>
    public long Send(string op, IReadOnlyDictionary<string, object?>? fields = null)
    {
        long id = ++_nextId;
        _writer.Reset();
        _writer.WriteMapHeader(2 + (fields?.Count ?? 0));
        _writer.WriteString("id"); _writer.WriteInt(id);
        _writer.WriteString("op"); _writer.WriteString(op);
        if (fields is not null)
        {
            foreach (var kv in fields) { _writer.WriteString(kv.Key); WireWriter.WriteValue(_writer, kv.Value); }
        }
        _socket.Send(_writer.Written.Span);
        return id;
    }

    /// <summary>Waits for the reply to <paramref name="id"/> and returns its result map.</summary>
    /// <exception cref="BridgeException">The server answered with an error.</exception>
    /// <exception cref="TimeoutException">No reply within <see cref="BridgeClientOptions.Timeout"/>.</exception>
    public MsgPackMap Receive(long id)
    {
        MsgPackMap? reply;
        while (!_early.Remove(id, out reply))
        {
            byte[] frame = _socket.TryReceiveFrame(out _)
                ?? throw new TimeoutException($"no reply from {Options.Endpoint} within {Options.Timeout.TotalSeconds:0.#} s");
            if (MsgPackReader.Decode(frame) is not MsgPackMap map || !map.TryGetValue("id", out object? rid))
                throw new BridgeException(ErrorCodes.BadMessage, "the server sent a reply that is not a map with an id");
            if (rid is long l) _early[l] = map;
            else if (map.TryGetValue("error", out object? orphan)) throw ToException(orphan);
        }
        if (reply.TryGetValue("error", out object? error)) throw ToException(error);
        return reply.TryGetValue("result", out object? result) && result is MsgPackMap resultMap ? resultMap : new MsgPackMap([]);
    }

    /// <summary>Sends a request and waits for its result.</summary>
    public MsgPackMap Call(string op, IReadOnlyDictionary<string, object?>? fields = null) => Receive(Send(op, fields));

    /// <summary>Closes the socket and the libzmq context; environments left open on the server are closed when the session times out there.</summary>
    public void Dispose()
    {
        _socket?.Dispose();
        _context.Dispose();
    }

    private static BridgeException ToException(object? error)
    {
        string code = ErrorCodes.Internal, message = "error reply without details";
        if (error is MsgPackMap e)
        {
            if (e.TryGetValue("code", out object? c) && c is string cs) code = cs;
            if (e.TryGetValue("message", out object? m) && m is string ms) message = ms;
        }
        return new BridgeException(code, message);
    }
}
