using System.Reflection;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// The bridge server: one ROUTER socket speaking the protocol of docs/protocol.md, served by
/// a pool of threads as leaders and followers (<see cref="WorkScheduler"/>): one thread at a
/// time waits on the socket; when requests arrive it receives them, gives its place to another
/// thread and runs a session's turn itself, decoding, running and answering without handing the
/// request to another thread. Receiving only copies bytes and checks the queue limits; decoding
/// happens on the worker, so a huge request delays only its own client. Usable in-process: bind
/// "tcp://127.0.0.1:*" and read <see cref="Endpoint"/>.
/// </summary>
public sealed class BridgeServer : IDisposable
{
    private const int MaxEnvelopeFrames = 8;

    /// <summary>Requests of one session run per turn before the next session's turn.</summary>
    private const int RequestsPerTurn = 16;

    /// <summary>The largest request the leader runs before waking a successor (a step or a spec, not a payload to decode at length).</summary>
    private const int ShortRequestBytes = 16 * 1024;

    private readonly BridgeServerOptions _options;
    private readonly BridgeLog _log;
    private readonly RequestHandler _handler;
    private readonly Dictionary<byte[], ClientSession> _sessions = new(ByteArrayComparer.Instance);
    private readonly WorkScheduler _scheduler;
    private readonly QueueBudget _budget;
    private readonly MemoryReclaimer _reclaimer = new();
    private readonly MsgPackReaderOptions _readerOptions;
    private readonly object _liveGate = new();
    private readonly List<Thread> _workers = [];
    private ZmqContext? _context;
    private RouterPort? _router;
    private ZmqSocket? _zap;
    private ZapHandler? _zapHandler;
    private long _nextSweepMs;
    private int _clientCount;
    private int _lastLive;
    private volatile bool _stopping;
    private bool _stopped;

    /// <summary>Creates a server (not yet bound: call <see cref="Start"/>). Logs to <paramref name="log"/> (default: none).</summary>
    public BridgeServer(BridgeServerOptions options, IEnvironmentProvider provider, BridgeLog? log = null)
    {
        _options = options;
        _log = log ?? BridgeLog.None;
        _budget = new QueueBudget(options);
        _scheduler = new WorkScheduler(options.Workers);
        _readerOptions = new MsgPackReaderOptions(maxDepth: 32, maxItems: options.MaxRequestItems);
        _handler = new RequestHandler(provider, options, _log);
        _handler.LiveEnvironmentsChanged += OnLiveEnvironmentsChanged;
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

    /// <summary>Bytes of requests received and not yet answered, all clients together.</summary>
    public long QueuedBytes => _budget.QueuedBytes;

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
                _zapHandler = new ZapHandler(_options.CurveAllowedClientKeys, _log);
            }
            var router = _context.CreateSocket(ZmqSocketType.Router);
            try
            {
                ConfigureRouter(router);
                router.Bind(_options.Bind);
                Endpoint = router.LastEndpoint;
            }
            catch
            {
                router.Dispose();
                throw;
            }
            _router = new RouterPort(router, MaxEnvelopeFrames);
        }
        catch
        {
            DisposeSockets();
            throw;
        }
        _nextSweepMs = Environment.TickCount64 + SweepEveryMs;
        for (int i = 0; i < _scheduler.Threads; i++)
        {
            var t = new Thread(WorkerLoop) { IsBackground = true, Name = $"bridge-worker-{i}" };
            _workers.Add(t);
            t.Start();
        }
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

    /// <summary>Stops accepting requests, lets workers finish their current turn, closes every environment. Idempotent.</summary>
    public void Stop()
    {
        if (_stopped || _context is null) return;
        _stopped = true;
        _stopping = true;
        _scheduler.Stop();
        foreach (var t in _workers) t.Join();
        int closed = _sessions.Values.Sum(_handler.CloseAll);
        DisposeSockets();
        _log.Info($"stopped; closed {closed} environment(s) of {_sessions.Count} client(s)");
        _sessions.Clear();
    }

    /// <summary>Stops the server (same as <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();

    private long SweepEveryMs => Math.Clamp((long)_options.SessionTimeout.TotalMilliseconds / 4, 10, 1000);

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

    private void WorkerLoop()
    {
        var writer = new MsgPackWriter(64 * 1024);
        var scheduled = new List<ClientSession>();
        while (_scheduler.Next(out var session))
        {
            try
            {
                if (session is null) Lead(scheduled, writer);
                else RunTurn(session, writer, scheduled);
            }
            catch (Exception e)
            {
                // The pool must survive anything a request can provoke (an allocation failing
                // while receiving a large request included): log and carry on.
                _log.Error("worker: " + e);
            }
        }
    }

    // The leader waits for input (or the ZAP socket, or the next sweep), receives what came,
    // then gives its place up and goes on to run a session's turn itself.
    private void Lead(List<ClientSession> scheduled, MsgPackWriter writer)
    {
        bool led = true;
        try
        {
            ZmqSocket[] polled = _zap is null ? [] : [_zap];
            int wait = _router!.HasMoreInput ? 0 : (int)Math.Clamp(_nextSweepMs - Environment.TickCount64, 0, 100);
            int ready = ZmqPoller.PollIn(polled, _router.Fd, wait);
            if (_stopping) return;
            if (_zap is not null && (ready & 1) != 0) _zapHandler!.HandleOne(_zap);
            Receive(scheduled, leader: true);
            if (Environment.TickCount64 >= _nextSweepMs)
            {
                ExpireSilentSessions(scheduled);
                _reclaimer.MaybeCompact(idle: _budget.QueuedBytes == 0);
                _nextSweepMs = Environment.TickCount64 + SweepEveryMs;
            }
            if (!_scheduler.TryTakeOnly(out var session)) return;
            // One short request: its thread leads again right after, so no other thread need wake.
            // Anything longer gets a successor first, so that receiving never waits long for it.
            _scheduler.EndLeadership(wakeSuccessor: !IsShort(session!));
            led = false;
            RunTurn(session!, writer, scheduled);
        }
        finally
        {
            if (led) _scheduler.EndLeadership();
        }
    }

    // A session holding one small request of an op that builds no world: at most one step
    // (or one slice of a batch, whose steps a small request can only name a few of).
    private bool IsShort(ClientSession session)
    {
        if (session.Current is not null || session.Queue.Count != 1 || !session.Queue.TryPeek(out var item) || item.Bytes > ShortRequestBytes) return false;
        if (!item.IsDecoded && RequestDecoder.Decode(item, _readerOptions) is not null) return true;
        return item.Op is not (Ops.Make or Ops.Reset or null);
    }

    private void Receive(List<ClientSession> scheduled, bool leader)
    {
        scheduled.Clear();
        _router!.Drain((frames, truncated) => OnMessage(frames, truncated, scheduled));
        _scheduler.Add(scheduled, callerRunsOne: leader);
    }

    // Runs under the router lock: only bookkeeping and refusals that need no decoding.
    private void OnMessage(List<byte[]> frames, bool truncated, List<ClientSession> scheduled)
    {
        if (frames.Count < 2) return;
        var envelope = frames.GetRange(0, frames.Count - 1);
        byte[] payload = frames[^1];
        var session = SessionFor(frames[0]);
        session.LastSeenMs = Environment.TickCount64;
        if (truncated)
        {
            ReplyNow(envelope, null, ErrorCodes.BadMessage, $"too many frames: a request is one MessagePack frame after at most {MaxEnvelopeFrames} envelope frames");
            return;
        }
        if (session.Pending >= _options.MaxPendingPerClient)
        {
            ReplyNow(envelope, RequestDecoder.PeekId(payload), ErrorCodes.ServerBusy, $"{session.Pending} requests of this client are queued (limit {_options.MaxPendingPerClient}); wait for replies");
            return;
        }
        if (_budget.TryAdmit(session, payload.Length) is { } refusal)
        {
            ReplyNow(envelope, RequestDecoder.PeekId(payload), ErrorCodes.ServerBusy, refusal);
            return;
        }
        if (session.Enqueue(new WorkItem(envelope, payload))) scheduled.Add(session);
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

    // The sessions table belongs to receiving, so this runs under the router lock too.
    private void ExpireSilentSessions(List<ClientSession> scheduled)
    {
        scheduled.Clear();
        long now = Environment.TickCount64;
        long timeout = (long)_options.SessionTimeout.TotalMilliseconds;
        _router!.Exclusive(() =>
        {
            foreach (var s in _sessions.Values.Where(s => now - s.LastSeenMs > timeout).ToList())
            {
                _sessions.Remove(s.Identity);
                Interlocked.Decrement(ref _clientCount);
                _log.Info($"client {s.Name} silent past {timeout} ms: session ended ({_sessions.Count} clients left)");
                // Queued behind the client's own requests, so the close never races a running step.
                if (s.Enqueue(WorkItem.Expire([s.Identity]))) scheduled.Add(s);
            }
        });
        _scheduler.Add(scheduled, callerRunsOne: false);
    }

    // A bounded turn per session keeps one busy client from starving the others: at most
    // RequestsPerTurn requests, and a step_batch yields after each slice. The turn always
    // ends, whatever is thrown, so the session and its worker's place are never lost.
    private void RunTurn(ClientSession session, MsgPackWriter writer, List<ClientSession> scheduled)
    {
        try
        {
            for (int n = 0; n < RequestsPerTurn && session.TryTake(out var item); n++)
            {
                writer.Reset();
                bool reply;
                try
                {
                    reply = Run(session, item, writer);
                }
                catch
                {
                    item.BatchResults = null;
                    Finished(session, item);
                    throw;
                }
                if (item.Unfinished)
                {
                    session.Current = item;
                    break;
                }
                Finished(session, item);
                if (reply) _router!.Send(item.Envelope, writer.Written.Span);
                Receive(scheduled, leader: false);
            }
        }
        finally
        {
            _scheduler.TurnDone(session, session.Release());
        }
    }

    private void Finished(ClientSession session, WorkItem item)
    {
        session.Completed(item);
        _budget.Release(item.Bytes);
        _reclaimer.RequestFreed(item.Bytes);
    }

    // Decodes and runs one request (or its next slice); false when no reply is due.
    private bool Run(ClientSession session, WorkItem item, MsgPackWriter writer)
    {
        try
        {
            if (!item.IsDecoded && RequestDecoder.Decode(item, _readerOptions) is { } problem)
            {
                ReplyWriter.Error(writer, problem.Id, problem.Code, problem.Message);
                return true;
            }
            if (item.Op == Ops.Hello)
            {
                HelloReply.Write(writer, item.Id, item.Request!, _options, _zap is not null);
                return true;
            }
            return _handler.Handle(session, item, writer);
        }
        catch (OutOfMemoryException)
        {
            // One request's allocation failing must not end the others' service.
            item.BatchResults = null;
            writer.Reset();
            ReplyWriter.Error(writer, item.Id, ErrorCodes.ServerBusy, "the server ran out of memory for this request; retry later or ask for less at once");
            _log.Error($"client {session.Name} op {item.Op}: out of memory");
            return true;
        }
    }

    private void ReplyNow(List<byte[]> envelope, object? id, string code, string message)
    {
        var w = new MsgPackWriter(256);
        ReplyWriter.Error(w, id, code, message);
        _router!.Send(envelope, w.Written.Span);
    }

    private void OnLiveEnvironmentsChanged()
    {
        int now = LiveEnvironments;
        int before = Interlocked.Exchange(ref _lastLive, now);
        if (now < before) _reclaimer.EnvironmentsClosed(before - now);
        lock (_liveGate) Monitor.PulseAll(_liveGate);
    }

    private void DisposeSockets()
    {
        _router?.Dispose();
        _zap?.Dispose();
        _context?.Dispose();
    }
}
