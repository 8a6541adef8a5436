using System.Net;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtfmGym.Play.Protocol;

namespace RtfmGym.Play;

/// <summary>
/// The <c>rtfmgym play</c> web server (Kestrel): GET / serves the page, /ws takes one WebSocket per page, and
/// each socket gets its own <see cref="PlaySession"/>. Text messages from the page, and binary ones (picture uploads), are parsed by
/// <see cref="ClientMessageParser"/>; frames go back as binary <see cref="FramePacket"/>s, everything else as
/// JSON text. A malformed message is answered with an error message and the session goes on.
/// </summary>
public sealed class PlayServer : IAsyncDisposable
{
    /// <summary>The page's resource name in this assembly.</summary>
    private const string PageResource = "RtfmGym.Play.index.html";

    private readonly WebApplication _app;
    private readonly SessionRegistry _sessions;
    private readonly Timer _sweeper;
    private readonly byte[] _page;

    private PlayServer(PlayServerOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        _sessions = new SessionRegistry(options.MaxSessions, options.IdleTimeout);
        TimeSpan sweep = TimeSpan.FromTicks(Math.Clamp(options.IdleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond * 30));
        _sweeper = new Timer(_ => _sessions.CloseIdle(), null, sweep, sweep);
        using Stream s = typeof(PlayServer).Assembly.GetManifestResourceStream(PageResource)
            ?? throw new InvalidOperationException($"The play page ({PageResource}) is missing from the assembly.");
        using var m = new MemoryStream();
        s.CopyTo(m);
        _page = m.ToArray();
    }

    /// <summary>The options the server runs with.</summary>
    public PlayServerOptions Options { get; }

    /// <summary>The page's address (with <c>?token=...</c> when a token is asked), once started.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Sessions open now.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Starts a server and returns once it listens.</summary>
    /// <exception cref="IOException">The address or port cannot be bound.</exception>
    public static async Task<PlayServer> StartAsync(PlayServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Bind, options.Port));
        var server = new PlayServer(options, builder.Build());
        server.Map();
        try
        {
            await server._app.StartAsync(ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            await server.DisposeAsync();
            throw new IOException($"Cannot listen on {options.Bind}:{options.Port}: {e.Message}; pick another --port (0 takes a free one) or --bind address.", e);
        }
        string address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(address).Port;
        string host = options.Bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Bind}]" : options.Bind.ToString();
        server.Url = $"http://{host}:{port}/" + (options.Token is { } t ? $"?token={t.Value}" : "");
        return server;
    }

    /// <summary>Stops listening, closes every session and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        _app.MapGet("/", async (HttpContext http) =>
        {
            if (!Authorised(http)) { await Refuse(http); return; }
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.Body.WriteAsync(_page);
        });
        _app.Map("/ws", async (HttpContext http) =>
        {
            if (!Authorised(http)) { await Refuse(http); return; }
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsync("This address takes the play page's WebSocket; open / in a browser.");
                return;
            }
            using WebSocket socket = await http.WebSockets.AcceptWebSocketAsync();
            await Serve(socket, http.RequestAborted);
        });
    }

    private bool Authorised(HttpContext http) => Options.Token is not { } token || token.Matches(http.Request.Query["token"].FirstOrDefault());

    private Task Refuse(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync($"This play server listens on {Options.Bind} and asks for the access token it printed at start: open the URL that `rtfmgym play` printed (it ends in ?token=...).");
    }

    /// <summary>One page's socket: open a session (or refuse), send hello and the first frame, then answer message by message.</summary>
    private async Task Serve(WebSocket socket, CancellationToken aborted)
    {
        using SessionRegistry.Lease? lease = _sessions.TryOpen(out string? refusal);
        if (lease is null)
        {
            await SendText(socket, PlayReply.Error("too_many_sessions", refusal!).Text!, aborted);
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too many sessions", aborted);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _app.Lifetime.ApplicationStopping);
        PlaySession session;
        try
        {
            session = new PlaySession(lease.Id, Options.CreateEnvironment(Options.Scenario), Options.RecordDirectory);
        }
        catch (Exception e) when (e is Env.RtfmGymException or IOException or ArgumentException)
        {
            await SendText(socket, PlayReply.Error("server_error", $"The environment could not be created: {e.Message}").Text!, aborted);
            await socket.CloseAsync(WebSocketCloseStatus.InternalServerError, "no environment", aborted);
            return;
        }
        // Replies and the idle notice may meet; a WebSocket takes one send at a time.
        using var sending = new SemaphoreSlim(1, 1);
        async Task SendOne(PlayReply reply, CancellationToken ct)
        {
            await sending.WaitAsync(ct);
            try { await Send(socket, reply, ct); }
            finally { sending.Release(); }
        }
        // Cancelling a pending receive would abort the socket before the page hears why, so an idle session
        // is told, then closed from this side; the receive loop ends when the page answers the close.
        async Task CloseIdle()
        {
            try
            {
                await SendOne(PlayReply.Error("idle", $"This session was closed after {Options.IdleTimeout.TotalSeconds:0.#} s without input; reload the page to start again."), stop.Token);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "idle", stop.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The page left first.
            }
        }
        using (session)
        using (lease.Idle.Register(() => _ = CloseIdle()))
        {
            try
            {
                await SendOne(PlayReply.Json(session.Hello()), stop.Token);
                await SendOne(session.Reset(null), stop.Token);
                var buffer = new MessageBuffer();
                while (socket.State == WebSocketState.Open)
                {
                    var (kind, complete) = await Receive(socket, buffer, stop.Token);
                    if (kind == WebSocketMessageType.Close) break;
                    lease.Touch();
                    PlayReply reply;
                    if (kind == WebSocketMessageType.Binary)
                        reply = !complete
                            ? PlayReply.Error("bad_image", $"The upload is larger than {ClientMessageParser.MaxUploadBytes:N0} bytes; upload a PNG of at most {Env.Scenarios.StartImage.MaxFileBytes:N0} bytes.")
                            : Answer(session, () => ClientMessageParser.ParseBinary(buffer.Bytes));
                    else if (!complete)
                        reply = PlayReply.Error("bad_message", $"The message is longer than {ClientMessageParser.MaxMessageBytes} bytes; messages are small JSON objects such as {{\"type\":\"step\",\"action\":1}}.");
                    else
                        reply = Answer(session, () => ClientMessageParser.Parse(Encoding.UTF8.GetString(buffer.Bytes)));
                    if (lease.ClosedIdle) break;
                    await SendOne(reply, stop.Token);
                    lease.Touch(); // a long step is not silence
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The page went away or the server is stopping: nothing is left to tell.
            }
            if (socket.State == WebSocketState.CloseReceived)
            {
                try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None); }
                catch (WebSocketException) { }
            }
        }
    }

    private static PlayReply Answer(PlaySession session, Func<ClientMessage> parse)
    {
        // Text frames are valid UTF-8 by then: the WebSocket layer fails a connection that sends anything else.
        try
        {
            return session.Handle(parse());
        }
        catch (PlayProtocolException e)
        {
            return PlayReply.Error("bad_message", e.Message);
        }
    }

    /// <summary>
    /// Reads one message into <paramref name="buffer"/>, up to <see cref="ClientMessageParser.MaxMessageBytes"/> for text and
    /// <see cref="ClientMessageParser.MaxUploadBytes"/> for binary (an upload); a longer one is read to its end and reported incomplete.
    /// </summary>
    private static async Task<(WebSocketMessageType Kind, bool Complete)> Receive(WebSocket socket, MessageBuffer buffer, CancellationToken ct)
    {
        buffer.Clear();
        bool overflow = false;
        while (true)
        {
            WebSocketReceiveResult r = await socket.ReceiveAsync(buffer.Chunk, ct);
            if (r.MessageType == WebSocketMessageType.Close) return (r.MessageType, true);
            int limit = r.MessageType == WebSocketMessageType.Binary ? ClientMessageParser.MaxUploadBytes : ClientMessageParser.MaxMessageBytes;
            if (!overflow) overflow = !buffer.Append(r.Count, limit);
            if (r.EndOfMessage) return (r.MessageType, !overflow);
        }
    }

    /// <summary>One message's bytes, gathered from the socket's fragments through a fixed chunk; grows only as far as a message's limit.</summary>
    private sealed class MessageBuffer
    {
        private readonly byte[] _chunk = new byte[64 * 1024];
        private readonly MemoryStream _message = new();

        /// <summary>Where the next fragment is received.</summary>
        public ArraySegment<byte> Chunk => new(_chunk);

        /// <summary>The message so far.</summary>
        public ReadOnlySpan<byte> Bytes => _message.GetBuffer().AsSpan(0, (int)_message.Length);

        public void Clear() => _message.SetLength(0);

        /// <summary>Adds the first <paramref name="count"/> bytes of the chunk; false (and nothing added) when the message would pass <paramref name="limit"/>.</summary>
        public bool Append(int count, int limit)
        {
            if (_message.Length + count > limit) return false;
            _message.Write(_chunk, 0, count);
            return true;
        }
    }

    private static Task Send(WebSocket socket, PlayReply reply, CancellationToken ct) =>
        reply.Binary is { } b ? socket.SendAsync(b, WebSocketMessageType.Binary, true, ct) : SendText(socket, reply.Text!, ct);

    private static Task SendText(WebSocket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);
}
