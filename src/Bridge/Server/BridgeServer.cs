using System.Collections.Concurrent;
using System.Reflection;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// The bridge server: one ROUTER socket speaking the protocol of docs/protocol.md. An I/O
/// thread owns the sockets, decodes requests and answers the cheap ones (hello, malformed
/// input, busy); environment calls run on worker threads, one client at a time per worker,
/// and come back over inproc to be forwarded without copying. Usable in-process: bind
/// "tcp://127.0.0.1:*" and read <see cref="Endpoint"/>.
/// </summary>
public sealed class BridgeServer : IDisposable
{
    private const string RepliesEndpoint = "inproc://rtfmgym-bridge-replies";
    /// <summary>Frames a client may send before its request (REQ's delimiter, a proxy's ids); the ROUTER's routing id is not one of them.</summary>
    private const int MaxEnvelopeFrames = 8;
    private const int MaxDrainPerRound = 512;

    private readonly BridgeServerOptions _options;
    private readonly BridgeLog _log;
    private readonly RequestHandler _handler;
    private readonly Dictionary<byte[], ClientSession> _sessions = new(ByteArrayComparer.Instance);
    private readonly BlockingCollection<ClientSession> _ready = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly MsgPackReaderOptions _readerOptions = new(maxDepth: 32);
    private readonly MsgPackWriter _ioWriter = new(4096);
    private readonly object _liveGate = new();
    private readonly List<Thread> _workers = [];
    private ZmqContext? _context;
    private ZmqSocket? _router;
    private ZmqSocket? _replies;
    private ZmqSocket? _zap;
    private Thread? _ioThread;
    private int _clientCount;
    private bool _stopped;

    /// <summary>Creates a server (not yet bound: call <see cref="Start"/>). Logs to <paramref name="log"/> (default: none).</summary>
    public BridgeServer(BridgeServerOptions options, IEnvironmentProvider provider, BridgeLog? log = null)
    {
        _options = options;
        _log = log ?? BridgeLog.None;
        _handler = new RequestHandler(provider, options, _log);
        _handler.LiveEnvironmentsChanged += () => { lock (_liveGate) Monitor.PulseAll(_liveGate); };
    }

    /// <summary>The endpoint actually bound (the port resolved), set by <see cref="Start"/>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The server's software version, reported by hello.</summary>
    public static string ServerVersion { get; } =
        "rtfmgym-bridge " + (typeof(BridgeServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    /// <summary>Environments open across all clients.</summary>
    public int LiveEnvironments => _handler.LiveEnvironments;

    /// <summary>Clients with a live session.</summary>
    public int ClientCount => Volatile.Read(ref _clientCount);

    /// <summary>Binds the socket and starts the threads; throws <see cref="ZmqException"/> when the endpoint cannot be bound.</summary>
    public void Start()
    {
        if (_context is not null) throw new InvalidOperationException("Already started.");
        _context = new ZmqContext();
        try
        {
            if (_options.CurveSecretKey is not null)
            {
                if (!ZmqCurve.IsAvailable) throw new InvalidOperationException("This libzmq has no CURVE support.");
                // The ZAP handler must be bound before the first handshake can happen.
                _zap = _context.CreateSocket(ZmqSocketType.Rep);
                _zap.Bind(ZapHandler.Endpoint);
            }
            _router = _context.CreateSocket(ZmqSocketType.Router);
            ConfigureRouter(_router);
            _router.Bind(_options.Bind);
            Endpoint = _router.LastEndpoint;
            _replies = _context.CreateSocket(ZmqSocketType.Pull);
            _replies.Bind(RepliesEndpoint);
        }
        catch
        {
            DisposeSockets();
            throw;
        }
        for (int i = 0; i < _options.Workers; i++)
        {
            var t = new Thread(WorkerLoop) { IsBackground = true, Name = $"bridge-worker-{i}" };
            _workers.Add(t);
            t.Start();
        }
        _ioThread = new Thread(IoLoop) { IsBackground = true, Name = "bridge-io" };
        _ioThread.Start();
        _log.Info($"listening on {Endpoint} ({_options.Workers} workers{(_zap is null ? "" : ", CURVE")}, protocol {ProtocolVersion.Current}, libzmq {ZmqContext.LibraryVersion})");
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the live environment count; false on timeout.</summary>
    public bool WaitForLiveEnvironments(Func<int, bool> condition, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_liveGate)
        {
            while (!condition(LiveEnvironments))
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0) return false;
                Monitor.Wait(_liveGate, (int)Math.Min(left, int.MaxValue));
            }
            return true;
        }
    }

    /// <summary>Stops accepting requests, lets workers finish their current call, closes every environment. Idempotent.</summary>
    public void Stop()
    {
        if (_stopped || _context is null) return;
        _stopped = true;
        _stop.Cancel();
        _ready.CompleteAdding();
        _ioThread?.Join();
        foreach (var t in _workers) t.Join();
        int closed = _sessions.Values.Sum(_handler.CloseAll);
        DisposeSockets();
        _log.Info($"stopped; closed {closed} environment(s) of {_sessions.Count} client(s)");
        _sessions.Clear();
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
        _ready.Dispose();
    }

    private void ConfigureRouter(ZmqSocket router)
    {
        // A client that reconnects with the same routing id takes its session over.
        router.SetOption(ZmqSocketOption.RouterHandover, 1);
        router.SetOption(ZmqSocketOption.MaxMessageSize, _options.MaxMessageBytes);
        int hb = (int)_options.HeartbeatInterval.TotalMilliseconds;
        if (hb > 0)
        {
            router.SetOption(ZmqSocketOption.HeartbeatInterval, hb);
            router.SetOption(ZmqSocketOption.HeartbeatTimeout, 3 * hb);
            router.SetOption(ZmqSocketOption.HeartbeatTtl, 3 * hb);
        }
        if (_options.CurveSecretKey is not null)
        {
            router.SetOption(ZmqSocketOption.CurveServer, 1);
            router.SetOption(ZmqSocketOption.CurveSecretKey, ZmqCurve.Decode(_options.CurveSecretKey));
            router.SetOption(ZmqSocketOption.ZapDomain, "rtfmgym");
        }
    }

    private void IoLoop()
    {
        var zap = _zap is null ? null : new ZapHandler(_options.CurveAllowedClientKeys, _log);
        ZmqSocket[] polled = _zap is null ? [_router!, _replies!] : [_router!, _replies!, _zap];
        long sweepEvery = Math.Clamp((long)_options.SessionTimeout.TotalMilliseconds / 4, 10, 1000);
        long nextSweep = Environment.TickCount64 + sweepEvery;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                int ready = ZmqPoller.PollIn(polled, (int)Math.Clamp(nextSweep - Environment.TickCount64, 0, 100));
                if ((ready & 2) != 0)
                {
                    for (int n = 0; n < MaxDrainPerRound && _replies!.TryForwardMessage(_router!); n++) { }
                }
                if ((ready & 1) != 0)
                {
                    for (int n = 0; n < MaxDrainPerRound; n++)
                    {
                        // The ROUTER's routing-id frame, the client's envelope, then the request.
                        var frames = _router!.TryReceiveMultipart(out bool truncated, dontWait: true, maxFrames: 1 + MaxEnvelopeFrames + 1);
                        if (frames is null) break;
                        OnRequest(frames, truncated);
                    }
                }
                if ((ready & 4) != 0) zap!.HandleOne(_zap!);
                if (Environment.TickCount64 >= nextSweep)
                {
                    ExpireSilentSessions();
                    nextSweep = Environment.TickCount64 + sweepEvery;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The loop must survive anything a request can provoke; log and carry on.
                _log.Error("I/O loop: " + e);
            }
        }
    }

    private void OnRequest(List<byte[]> frames, bool truncated)
    {
        if (frames.Count < 2) return;
        var envelope = frames.GetRange(0, frames.Count - 1);
        byte[] payload = frames[^1];
        var session = SessionFor(frames[0]);
        session.LastSeenMs = Environment.TickCount64;
        if (truncated)
        {
            ReplyInline(envelope, null, ErrorCodes.BadMessage, $"too many frames: a request is one MessagePack frame after at most {MaxEnvelopeFrames} envelope frames");
            return;
        }
        MsgPackMap map;
        try
        {
            map = MsgPackReader.Decode(payload, _readerOptions) as MsgPackMap
                ?? throw new MsgPackException("a request must be a map");
        }
        catch (MsgPackException e)
        {
            ReplyInline(envelope, null, ErrorCodes.BadMessage, "not a MessagePack map: " + e.Message);
            return;
        }
        if (!map.TryGetValue("id", out object? id) || id is not (long or ulong or string))
        {
            ReplyInline(envelope, null, ErrorCodes.BadMessage, "'id' (an integer or string) is required");
            return;
        }
        if (!map.TryGetValue("op", out object? opValue) || opValue is not string op)
        {
            ReplyInline(envelope, id, ErrorCodes.BadMessage, "'op' (a string) is required");
            return;
        }
        if (op == Ops.Hello)
        {
            Hello(envelope, id, map);
            return;
        }
        if (!Ops.All.Contains(op))
        {
            ReplyInline(envelope, id, ErrorCodes.UnknownOp, $"unknown op '{(op.Length > 64 ? op[..64] + "..." : op)}'; known: {string.Join(", ", Ops.All)}");
            return;
        }
        if (session.Pending >= _options.MaxPendingPerClient)
        {
            ReplyInline(envelope, id, ErrorCodes.ServerBusy, $"{session.Pending} requests of this client are queued (limit {_options.MaxPendingPerClient}); wait for replies");
            return;
        }
        if (session.Enqueue(new WorkItem(envelope, id, op, map))) Schedule(session);
    }

    private void Hello(List<byte[]> envelope, object? id, MsgPackMap map)
    {
        if (!map.TryGetValue("version", out object? v) || v is not string text || !ProtocolVersion.TryParse(text, out var clientVersion))
        {
            ReplyInline(envelope, id, ErrorCodes.BadMessage, "hello needs 'version': the client's protocol version as MAJOR.MINOR.PATCH");
            return;
        }
        var check = ProtocolVersion.Check(clientVersion, ProtocolVersion.Current);
        if (!check.IsCompatible)
        {
            ReplyInline(envelope, id, ErrorCodes.VersionMismatch, check.Note + "; use a client for protocol " + ProtocolVersion.Current.Major + ".x");
            return;
        }
        _ioWriter.Reset();
        ReplyWriter.Ok(_ioWriter, id, new Dictionary<string, object?>
        {
            ["protocol"] = ProtocolVersion.Current.ToString(),
            ["server"] = ServerVersion,
            ["capabilities"] = new Dictionary<string, object?>
            {
                ["ops"] = Ops.All.ToArray(),
                ["autoreset"] = true,
                ["snapshot"] = true,
                ["curve"] = _zap is not null,
            },
            ["limits"] = new Dictionary<string, object?>
            {
                ["max_envs_per_client"] = _options.MaxEnvsPerClient,
                ["max_message_bytes"] = _options.MaxMessageBytes,
                ["max_batch_size"] = _options.MaxBatchSize,
                ["max_pending_per_client"] = _options.MaxPendingPerClient,
                ["session_timeout_ms"] = (long)_options.SessionTimeout.TotalMilliseconds,
            },
            ["note"] = check.Note,
        });
        SendInline(envelope, _ioWriter.Written.Span);
    }

    private ClientSession SessionFor(byte[] identity)
    {
        if (_sessions.TryGetValue(identity, out var session)) return session;
        session = new ClientSession(identity);
        _sessions.Add(identity, session);
        Interlocked.Increment(ref _clientCount);
        _log.Info($"client {session.Name} connected ({_sessions.Count} clients, {LiveEnvironments} live environments)");
        return session;
    }

    private void ExpireSilentSessions()
    {
        long now = Environment.TickCount64;
        long timeout = (long)_options.SessionTimeout.TotalMilliseconds;
        List<ClientSession>? expired = null;
        foreach (var s in _sessions.Values)
        {
            if (now - s.LastSeenMs > timeout) (expired ??= []).Add(s);
        }
        if (expired is null) return;
        foreach (var s in expired)
        {
            _sessions.Remove(s.Identity);
            Interlocked.Decrement(ref _clientCount);
            _log.Info($"client {s.Name} silent past {timeout} ms: session ended ({_sessions.Count} clients left)");
            // Queued behind the client's own requests, so the close never races a running step.
            if (s.Enqueue(WorkItem.Expire([s.Identity]))) Schedule(s);
        }
    }

    private void Schedule(ClientSession session)
    {
        try
        {
            _ready.Add(session);
        }
        catch (InvalidOperationException)
        {
            // Stopping: Stop closes whatever is left.
        }
    }

    private void ReplyInline(List<byte[]> envelope, object? id, string code, string message)
    {
        _ioWriter.Reset();
        ReplyWriter.Error(_ioWriter, id, code, message);
        SendInline(envelope, _ioWriter.Written.Span);
    }

    // Never blocks: a client that does not read its replies loses them (ROUTER drops at the
    // high-water mark), which is how one slow client is kept from stalling the others.
    private void SendInline(List<byte[]> envelope, ReadOnlySpan<byte> payload)
    {
        foreach (byte[] frame in envelope)
        {
            if (!_router!.TrySend(frame, more: true, dontWait: true)) return;
        }
        _router!.TrySend(payload, more: false, dontWait: true);
    }

    private void WorkerLoop()
    {
        using var push = _context!.CreateSocket(ZmqSocketType.Push);
        push.SetOption(ZmqSocketOption.SendTimeout, 5000);
        push.Connect(RepliesEndpoint);
        var writer = new MsgPackWriter(64 * 1024);
        try
        {
            foreach (var session in _ready.GetConsumingEnumerable(_stop.Token))
            {
                RunSession(session, push, writer);
            }
        }
        catch (OperationCanceledException)
        {
            // Stop was requested.
        }
    }

    private void RunSession(ClientSession session, ZmqSocket push, MsgPackWriter writer)
    {
        // A bounded turn per session keeps one busy client from starving the others.
        for (int n = 0; n < 32 && session.Queue.TryDequeue(out var item); n++)
        {
            writer.Reset();
            bool reply = _handler.Handle(session, item, writer);
            session.Completed();
            if (!reply) continue;
            try
            {
                foreach (byte[] frame in item.Envelope) push.Send(frame, more: true);
                push.Send(writer.Written.Span);
            }
            catch (Exception e) when (e is TimeoutException or ZmqException)
            {
                _log.Error($"reply to client {session.Name} dropped: {e.Message}");
            }
        }
        if (session.Release()) Schedule(session);
    }

    private void DisposeSockets()
    {
        _router?.Dispose();
        _replies?.Dispose();
        _zap?.Dispose();
        _context?.Dispose();
    }
}
