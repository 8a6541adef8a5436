using System.Collections.Concurrent;
using NUnit.Framework;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Bridge.Zmq;
using RtfmGym.Env;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>
/// Every kind of hostile request at once (garbage, too deep, too many items, too large, a YAML
/// bomb, environment hoarding, floods of large requests) beside a well-behaved client, which must
/// lose nothing and see exactly what it sees alone. Bounded: the hostile clients stop when it is done.
/// </summary>
[TestFixture]
public sealed class ChaosTests
{
    private const int GoodSteps = 300;

    [Test]
    public void Server_HostileClientsBesideGoodClient_GoodClientSeesSoloRunAndLimitsHold()
    {
        var options = new BridgeServerOptions(
            bind: "tcp://127.0.0.1:*", workers: 2, maxEnvsPerClient: 4, maxEnvs: 8, maxMessageBytes: 1 << 20,
            maxQueuedBytesPerClient: 1 << 20, maxQueuedBytes: 2 << 20, maxPendingPerClient: 32, maxRequestItems: 10_000);
        var provider = new ChoiceProvider(new Dictionary<string, Func<IEnvironment>> { ["fake"] = () => new FakeEnvironment() });
        using var f = new ServerFixture(options, provider);
        using var goodClient = f.Connect();
        using var goodEnv = RemoteEnvironment.Make(goodClient, "fake");

        var codes = new ConcurrentDictionary<string, int>();
        using var done = new CancellationTokenSource();
        var hostile = new[]
        {
            Task.Run(() => RawHostile(f, codes, done.Token)),
            Task.Run(() => Hoarder(f, codes, done.Token)),
            Task.Run(() => Hoarder(f, codes, done.Token)),
            Task.Run(() => Hoarder(f, codes, done.Token)),
            Task.Run(() => Oversized(f, done.Token)),
        };
        List<byte[]> remote;
        try
        {
            remote = Play(goodEnv);
        }
        finally
        {
            done.Cancel();
        }
        Task.WaitAll(hostile);

        using var solo = new FakeEnvironment();
        Assert.That(remote, Is.EqualTo(Play(solo)), "the good client's observations equal a solo run's");
        Assert.That(codes.Keys, Is.SupersetOf(new[] { ErrorCodes.BadMessage, ErrorCodes.InvalidScenario, ErrorCodes.LimitExceeded }), string.Join(", ", codes));
        Assert.That(f.Server.LiveEnvironments, Is.LessThanOrEqualTo(options.MaxEnvs));
        using var after = f.Connect();
        Assert.That(after.ServerInfo.ContainsKey("protocol"), Is.True, "the server still answers");
    }

    // A seeded episode sequence; each observation encoded as it goes on the wire.
    private static List<byte[]> Play(IEnvironment env)
    {
        var rng = new Random(5);
        var seen = new List<byte[]> { Encode(env.Reset(seed: 7).Observation) };
        for (int i = 0; i < GoodSteps; i++)
        {
            var r = env.Step((long)rng.Next(4));
            seen.Add(Encode(r.Observation));
            if (r.Done) seen.Add(Encode(env.Reset().Observation));
        }
        return seen;
    }

    private static byte[] Encode(object observation)
    {
        var w = new MsgPackWriter();
        WireWriter.WriteValue(w, observation);
        return w.ToArray();
    }

    // Garbage, deep nesting, too many items, a YAML bomb and a flood of large requests on one connection.
    private static void RawHostile(ServerFixture f, ConcurrentDictionary<string, int> codes, CancellationToken done)
    {
        using var ctx = new ZmqContext();
        using var s = ctx.CreateSocket(ZmqSocketType.Dealer);
        s.SetOption(ZmqSocketOption.SendTimeout, 5000);
        s.SetOption(ZmqSocketOption.ReceiveTimeout, 20_000);
        s.Connect(f.Server.Endpoint);
        var rng = new Random(11);
        string bomb = "name: bomb\nx: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        byte[][] corpus =
        [
            MsgPackWriter.Encode(Map(("id", 1L), ("op", "make"), ("scenario_yaml", bomb))),
            MsgPackWriter.Encode(Map(("id", 2L), ("op", "list_scenarios"), ("nils", new object?[20_000]))),
            MsgPackWriter.Encode(Map(("id", 3L), ("op", "list_scenarios"), ("deep", Nest(100)))),
            MsgPackWriter.Encode(Map(("id", 4L), ("op", "list_scenarios"), ("padding", new byte[600_000]))),
            MsgPackWriter.Encode(Map(("id", 5L), ("op", "step_batch"), ("steps", Enumerable.Range(0, 2000).Select(i => Map(("env", 1L), ("action", 0L))).ToArray()))),
        ];
        // Bursts of pipelined requests; every one gets exactly one reply, which paces the bursts.
        while (!done.IsCancellationRequested)
        {
            const int burst = 8;
            for (int i = 0; i < burst; i++) s.Send(rng.Next(4) == 0 ? RandomBytes(rng) : corpus[rng.Next(corpus.Length)]);
            for (int i = 0; i < burst; i++) Count(s.TryReceiveFrame(out _) ?? throw new TimeoutException("a hostile request got no reply"), codes);
        }
    }

    // Makes environments until refused, again and again.
    private static void Hoarder(ServerFixture f, ConcurrentDictionary<string, int> codes, CancellationToken done)
    {
        using var c = f.Connect();
        var held = new List<RemoteEnvironment>();
        while (!done.IsCancellationRequested)
        {
            try
            {
                held.Add(RemoteEnvironment.Make(c, "fake"));
            }
            catch (BridgeException e)
            {
                codes.AddOrUpdate(e.Code, 1, (_, n) => n + 1);
                if (held.Count > 0)
                {
                    held[^1].Dispose();
                    held.RemoveAt(held.Count - 1);
                }
            }
        }
        held.ForEach(e => e.Dispose());
    }

    // Requests over the size limit: ZeroMQ drops the connection; it comes back and does it again.
    private static void Oversized(ServerFixture f, CancellationToken done)
    {
        var big = new byte[(1 << 20) + 1];
        for (int i = 0; i < 20 && !done.IsCancellationRequested; i++)
        {
            using var ctx = new ZmqContext();
            using var s = ctx.CreateSocket(ZmqSocketType.Dealer);
            s.SetOption(ZmqSocketOption.SendTimeout, 1000);
            s.Connect(f.Server.Endpoint);
            s.TrySend(big);
        }
    }

    private static void Count(byte[] reply, ConcurrentDictionary<string, int> codes)
    {
        if (MsgPackReader.Decode(reply) is MsgPackMap m && m.TryGetValue("error", out object? e) && e is MsgPackMap error && error.TryGetValue("code", out object? code) && code is string c)
            codes.AddOrUpdate(c, 1, (_, n) => n + 1);
    }

    private static byte[] RandomBytes(Random rng)
    {
        var b = new byte[rng.Next(1, 2048)];
        rng.NextBytes(b);
        return b;
    }

    private static object Nest(int depth) => depth == 0 ? 1L : new object[] { Nest(depth - 1) };

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);
}
