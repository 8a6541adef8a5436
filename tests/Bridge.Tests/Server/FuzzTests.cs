using NUnit.Framework;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>Hostile and broken traffic against a live server while a well-behaved client keeps stepping.</summary>
[TestFixture]
public sealed class FuzzTests
{
    private const int Messages = 6000;
    private const int MinGoodSteps = 500;
    private static int _goodSteps;

    [Test]
    public void Server_ThousandsOfBadMessages_GoodClientLosesNoStepAndServerStaysUp()
    {
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 2, maxMessageBytes: 1 << 20));
        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        using var stop = new CancellationTokenSource();
        using var ready = new ManualResetEventSlim();
        var good = Task.Run(() => GoodClient(f, ready, stop.Token));
        Assert.That(ready.Wait(TimeSpan.FromSeconds(30)), Is.True, "good client ready");

        var rng = new Random(20261121);
        using var ctx = new ZmqContext();
        var fuzzers = Enumerable.Range(0, 3).Select(i =>
        {
            var s = ctx.CreateSocket(ZmqSocketType.Dealer);
            s.SetOption(ZmqSocketOption.SendTimeout, 5000);
            s.SetOption(ZmqSocketOption.ReceiveTimeout, 20000);
            s.Connect(f.Server.Endpoint);
            return s;
        }).ToList();
        // Oversized messages go on their own connection: zmq drops it with whatever it had queued.
        using var oversize = ctx.CreateSocket(ZmqSocketType.Dealer);
        oversize.SetOption(ZmqSocketOption.SendTimeout, 5000);
        oversize.Connect(f.Server.Endpoint);
        byte[][] corpus = Corpus();
        int replies = 0;
        long deadline = Environment.TickCount64 + 90_000;
        // Fuzz until both enough hostile messages went out and the good client stepped
        // enough times meanwhile (bounded by the deadline).
        for (int i = 0; (i < Messages || Volatile.Read(ref _goodSteps) < MinGoodSteps) && Environment.TickCount64 < deadline; i++)
        {
            var socket = fuzzers[rng.Next(fuzzers.Count)];
            SendHostile(socket, oversize, rng, corpus);
            // Drain now and then so replies keep flowing (unread ones are dropped by the server anyway).
            if (i % 50 == 0)
            {
                foreach (var s in fuzzers)
                {
                    // Extra frames sent before a request come back as its envelope; the reply is the last frame.
                    while (s.TryReceiveMultipart(out _, dontWait: true, maxFrames: 64) is { } reply)
                    {
                        replies++;
                        Assert.That(MsgPackReader.Decode(reply[^1]), Is.InstanceOf<MsgPackMap>(), "every reply is a map");
                    }
                }
            }
        }
        // A last worker-run request per fuzzer: its reply comes after every earlier one of that session.
        foreach (var s in fuzzers)
        {
            s.Send(MsgPackWriter.Encode(Map(("id", "final"), ("op", "list_scenarios"))));
            bool final = false;
            while (!final && s.TryReceiveMultipart(out _, maxFrames: 64) is { } reply)
            {
                replies++;
                final = MsgPackReader.Decode(reply[^1]) is MsgPackMap m && m.TryGetValue("id", out object? id) && id is "final";
            }
            Assert.That(final, Is.True, "fuzzer got its final reply");
        }
        stop.Cancel();
        int goodSteps = good.GetAwaiter().GetResult();
        fuzzers.ForEach(s => s.Dispose());

        Assert.That(goodSteps, Is.GreaterThanOrEqualTo(MinGoodSteps));
        Assert.That(replies, Is.GreaterThan(Messages / 4), "the server answered the fuzzers");
        using (var after = f.Connect())
        {
            Assert.That(after.ServerInfo.ContainsKey("protocol"), Is.True, "server still answers hello");
        }
        long growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.That(growth, Is.LessThan(64L << 20), "managed memory bounded");
        TestContext.Out.WriteLine($"good client: {goodSteps} steps; fuzz replies read: {replies}; memory growth {growth / 1024} KiB");
    }

    // Steps one environment until told to stop; any error or out-of-sequence step fails the test.
    private static int GoodClient(ServerFixture f, ManualResetEventSlim ready, CancellationToken stop)
    {
        using var client = f.Connect(TimeSpan.FromSeconds(30));
        using var env = RemoteEnvironment.MakeInline(client, "episode_length: 1000000");
        env.Reset(seed: 1);
        ready.Set();
        int steps = 0;
        while (!stop.IsCancellationRequested && steps < 1_000_000)
        {
            var r = env.Step(steps % 4);
            steps++;
            Volatile.Write(ref _goodSteps, steps);
            Assert.That(r.Info["step"], Is.EqualTo((long)steps), "no step lost or repeated");
        }
        return steps;
    }

    private static byte[][] Corpus()
    {
        object?[] requests =
        [
            Map(("id", 1L), ("op", "hello"), ("version", "1.0.0")),
            Map(("id", 2L), ("op", "hello"), ("version", "9.0.0")),
            Map(("id", 3L), ("op", "make"), ("scenario", "fake")),
            Map(("id", 4L), ("op", "make"), ("scenario_yaml", "episode_length: 3")),
            Map(("id", 5L), ("op", "reset"), ("env", 1L), ("seed", 3L)),
            Map(("id", 6L), ("op", "step"), ("env", 2L), ("action", 1L)),
            Map(("id", 7L), ("op", "step_batch"), ("steps", new object[] { Map(("env", 3L), ("action", 0L)) }), ("autoreset", true)),
            Map(("id", "s"), ("op", "render"), ("env", 1L)),
            Map(("id", 9L), ("op", "spec"), ("env", 1L)),
            Map(("id", 10L), ("op", "close"), ("env", 4L)),
            Map(("id", 11L), ("op", "list_scenarios")),
            Map(("id", 12L), ("op", "snapshot"), ("env", 1L)),
            Map(("id", 13L), ("op", "step"), ("env", "one"), ("action", new object[] { new object[] { 1.5, "x" } })),
            Map(("id", new object[] { 1L }), ("op", "step")),
            Map(("id", 15L), ("op", 42L)),
            Map(("id", 16L), ("op", "destroy_everything")),
            Map(("id", 17L), ("op", "reset"), ("env", 1L), ("options", "not a map")),
            Map(("id", 18L), ("op", "step"), ("env", 1L), ("action", Map(("nd", true), ("type", "<f4"), ("shape", new object[] { 1000000000L, 1000000000L }), ("data", Array.Empty<byte>())))),
            new object?[] { "not", "a", "map" },
            "just a string",
        ];
        return requests.Select(MsgPackWriter.Encode).ToArray();
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static void SendHostile(ZmqSocket socket, ZmqSocket oversize, Random rng, byte[][] corpus)
    {
        byte[] message = (byte[])corpus[rng.Next(corpus.Length)].Clone();
        switch (rng.Next(10))
        {
            case 0: // random bytes
                message = new byte[rng.Next(0, 200)];
                rng.NextBytes(message);
                break;
            case 1: // flip a few bytes
                for (int k = 0; k < 3; k++) message[rng.Next(message.Length)] = (byte)rng.Next(256);
                break;
            case 2: // truncate
                message = message[..rng.Next(message.Length)];
                break;
            case 3: // huge declared lengths (bin32, str32, array32, map32) with little behind them
                message = [(byte)(0xc6 + rng.Next(4) switch { 0 => 0, 1 => 0x15, 2 => 0x17, _ => 0x19 }), 0x7f, 0xff, 0xff, 0xff, 1, 2, 3];
                break;
            case 4: // deep nesting
                message = Enumerable.Repeat((byte)0x91, rng.Next(30, 5000)).Append((byte)0xc0).ToArray();
                break;
            case 5: // extra frames, empty frames
                socket.TrySend([], more: true);
                for (int k = rng.Next(0, 20); k > 0; k--) socket.TrySend(message, more: true);
                break;
            case 6 when rng.Next(20) == 0: // over the size limit: the server drops the connection
                oversize.TrySend(new byte[(1 << 20) + 10]);
                break;
            case 7: // trailing junk
                message = [.. message, 0xc1, 0x00];
                break;
            default: // the valid request as is
                break;
        }
        socket.TrySend(message);
    }
}
