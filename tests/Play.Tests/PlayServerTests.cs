using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using RtfmGym.Play.Protocol;

namespace RtfmGym.Play.Tests;

/// <summary>The server over plain HTTP and WebSocket clients: tokens, session limits, idle sessions, bad messages.</summary>
public sealed class PlayServerTests
{
    [Test]
    public async Task Get_NonLoopbackBind_AsksForTheToken()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small(), bind: IPAddress.Any));
        Assert.That(server.Options.Token, Is.Not.Null, "a token is made for a non-loopback bind");
        string port = new Uri(server.Url).Port.ToString();
        using var http = new HttpClient();
        HttpResponseMessage none = await http.GetAsync($"http://127.0.0.1:{port}/");
        HttpResponseMessage wrong = await http.GetAsync($"http://127.0.0.1:{port}/?token={new string('0', 64)}");
        HttpResponseMessage right = await http.GetAsync($"http://127.0.0.1:{port}/?token={server.Options.Token!.Value}");
        Assert.Multiple(async () =>
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await none.Content.ReadAsStringAsync(), Does.Contain("access token"));
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await right.Content.ReadAsStringAsync(), Does.Contain("rtfmgym play"));
            Assert.That(server.Url, Does.EndWith("?token=" + server.Options.Token.Value));
        });
        using var socket = new ClientWebSocket();
        Assert.That(async () => await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws"), CancellationToken.None), Throws.InstanceOf<WebSocketException>());
    }

    [Test]
    public async Task Get_LoopbackBind_NoTokenAsked()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small()));
        using var http = new HttpClient();
        Assert.Multiple(async () =>
        {
            Assert.That(server.Options.Token, Is.Null);
            Assert.That(server.Url, Does.StartWith("http://127.0.0.1:").And.EndWith("/"));
            Assert.That((await http.GetAsync(server.Url)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Connect_OverSessionLimit_RefusedWithMessage_AndAdmittedOnceOneCloses()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small(), maxSessions: 1));
        using ClientWebSocket first = await Connect(server);
        Assert.That((await ReceiveText(first))["type"]!.GetValue<string>(), Is.EqualTo("hello"));
        using ClientWebSocket second = await Connect(server);
        JsonObject refusal = await ReceiveText(second);
        Assert.Multiple(() =>
        {
            Assert.That(refusal["code"]!.GetValue<string>(), Is.EqualTo("too_many_sessions"));
            Assert.That(refusal["message"]!.GetValue<string>(), Does.Contain("its limit"));
        });
        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        while (server.SessionCount > 0) await Task.Delay(5); // the server notices the close on its own thread
        using ClientWebSocket third = await Connect(server);
        Assert.That((await ReceiveText(third))["type"]!.GetValue<string>(), Is.EqualTo("hello"));
    }

    [Test]
    public async Task Connect_SilentSession_ClosedWithIdleMessage()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small(), idleTimeout: TimeSpan.FromMilliseconds(300)));
        using ClientWebSocket socket = await Connect(server);
        await ReceiveText(socket); // hello
        await ReceiveBinary(socket); // the first frame
        JsonObject idle = await ReceiveText(socket);
        Assert.That(idle["code"]!.GetValue<string>(), Is.EqualTo("idle"));
    }

    [Test]
    public async Task Send_BinaryThenOverlongThenStep_ErrorsAndTheSessionGoesOn()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small()));
        using ClientWebSocket socket = await Connect(server);
        await ReceiveText(socket);
        await ReceiveBinary(socket);
        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.That((await ReceiveText(socket))["message"]!.GetValue<string>(), Does.Contain("an upload starts with a 4-byte header length"));
        await socket.SendAsync(Encoding.UTF8.GetBytes(new string('x', 10_000)), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.That((await ReceiveText(socket))["message"]!.GetValue<string>(), Does.Contain("longer than 4096 bytes"));
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"step","action":1,"seq":5}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        byte[] packet = await ReceiveBinary(socket);
        int headerLength = BitConverter.ToInt32(packet, 0);
        JsonObject header = JsonNode.Parse(Encoding.UTF8.GetString(packet, 4, headerLength))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(header["seq"]!.GetValue<long>(), Is.EqualTo(5));
            Assert.That(header["step"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(packet.Length, Is.EqualTo(4 + headerLength + header["images"]!.AsArray().Sum(i => i!["length"]!.GetValue<int>())));
        });
    }

    [Test]
    public async Task Send_UploadPastTheLimit_BadImageAndTheSessionGoesOn()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small()));
        using ClientWebSocket socket = await Connect(server);
        await ReceiveText(socket);
        await ReceiveBinary(socket);
        await socket.SendAsync(new byte[ClientMessageParser.MaxUploadBytes + 1], WebSocketMessageType.Binary, true, CancellationToken.None);
        JsonObject error = await ReceiveText(socket);
        Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo("bad_image"));
        Assert.That(error["message"]!.GetValue<string>(), Does.Contain("larger than"));
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"step","action":1}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        Assert.That(await ReceiveBinary(socket), Is.Not.Empty);
    }

    private static async Task<ClientWebSocket> Connect(PlayServer server)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(server.Url.Replace("http://", "ws://") + "ws"), CancellationToken.None);
        return socket;
    }

    private static async Task<JsonObject> ReceiveText(WebSocket socket)
    {
        var (kind, bytes) = await Receive(socket);
        Assert.That(kind, Is.EqualTo(WebSocketMessageType.Text));
        return JsonNode.Parse(bytes)!.AsObject();
    }

    private static async Task<byte[]> ReceiveBinary(WebSocket socket)
    {
        var (kind, bytes) = await Receive(socket);
        Assert.That(kind, Is.EqualTo(WebSocketMessageType.Binary));
        return bytes;
    }

    private static async Task<(WebSocketMessageType Kind, byte[] Bytes)> Receive(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            WebSocketReceiveResult r = await socket.ReceiveAsync(buffer, timeout.Token);
            all.Write(buffer, 0, r.Count);
            if (r.EndOfMessage) return (r.MessageType, all.ToArray());
        }
    }
}
