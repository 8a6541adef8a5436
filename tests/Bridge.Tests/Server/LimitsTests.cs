using NUnit.Framework;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>The server's ceilings (environments, queued bytes, decoded items) and its fairness between clients.</summary>
[TestFixture]
public sealed class LimitsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Test]
    public void StepBatch_BesideAnotherClientsStep_StepRunsBetweenSlices()
    {
        using var gate = new SemaphoreSlim(0);
        int permitsLeftWhenFastStepped = -1;
        var provider = new ChoiceProvider(new Dictionary<string, Func<RtfmGym.Env.IEnvironment>>
        {
            ["slow"] = () => new FakeEnvironment(1000) { Gate = gate },
            ["fast"] = () => new FakeEnvironment(1000) { OnStep = () => permitsLeftWhenFastStepped = gate.CurrentCount },
        });
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), provider);
        using var slowClient = f.Connect();
        using var fastClient = f.Connect();
        using var slow = RemoteEnvironment.Make(slowClient, "slow");
        using var fast = RemoteEnvironment.Make(fastClient, "fast");
        slow.Reset(seed: 1);
        fast.Reset(seed: 1);

        // A failing run must not leave the worker waiting at the gate, or stopping the server would wait too.
        try
        {
            const int batch = 4 * RequestHandler.BatchStepsPerTurn;
            long batchId = slowClient.Send(Ops.StepBatch, new Dictionary<string, object?>
            {
                ["steps"] = Enumerable.Range(0, batch).Select(_ => new Dictionary<string, object?> { ["env"] = slow.Id, ["action"] = 1L }).ToArray(),
            });
            // The batch holds the only worker (its first step waits for the gate) ...
            Assert.That(SpinWait.SpinUntil(() => f.Server.QueuedBytes > 0, Wait), Is.True, "batch received");
            long batchBytes = f.Server.QueuedBytes;
            long stepId = fastClient.Send(Ops.Step, new Dictionary<string, object?> { ["env"] = fast.Id, ["action"] = 1L });
            // ... while the single step is queued behind it; then every step of the batch may run.
            Assert.That(SpinWait.SpinUntil(() => f.Server.QueuedBytes > batchBytes, Wait), Is.True, "step received");
            gate.Release(batch);

            Assert.That(fastClient.Receive(stepId).ContainsKey("obs"), Is.True);
            var results = (object?[])Get(slowClient.Receive(batchId), "results")!;
            Assert.That(results, Has.Length.EqualTo(batch));
            Assert.That(results.All(r => r is MsgPackMap m && m.ContainsKey("obs")), Is.True, "every step of the batch ran");
            Assert.That(permitsLeftWhenFastStepped, Is.GreaterThan(0), "the single step ran before the batch finished");
        }
        finally
        {
            gate.Release(1000);
        }
    }

    [Test]
    public void Make_BeyondServerWideLimit_LimitExceededForAnyClient()
    {
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 2, maxEnvsPerClient: 2, maxEnvs: 3));
        using var a = f.Connect();
        using var b = f.Connect();
        RemoteEnvironment.Make(a, "fake");
        RemoteEnvironment.Make(a, "fake");
        var last = RemoteEnvironment.Make(b, "fake");
        var e = Assert.Throws<BridgeException>(() => RemoteEnvironment.Make(b, "fake"))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.LimitExceeded));
        Assert.That(e.Message, Does.Contain("all clients"));
        last.Dispose();
        Assert.DoesNotThrow(() => RemoteEnvironment.Make(b, "fake"), "a closed environment frees its place");
    }

    [TestCase(false, "per client", TestName = "Request_BeyondQueuedBytesOfClient_ServerBusyWithItsId")]
    [TestCase(true, "all clients", TestName = "Request_BeyondQueuedBytesOfServer_ServerBusyWithItsId")]
    public void Request_BeyondQueuedBytes_ServerBusyWithItsId(bool secondClient, string message)
    {
        using var gate = new SemaphoreSlim(0);
        using var entered = new SemaphoreSlim(0);
        const int limit = 64 * 1024;
        using var f = new ServerFixture(
            new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, maxMessageBytes: limit, maxQueuedBytesPerClient: limit, maxQueuedBytes: limit),
            new FakeProvider { Gate = gate, OnStep = () => entered.Release() });
        using var a = f.Connect();
        using var b = f.Connect();
        using var env = RemoteEnvironment.Make(a, "fake");
        env.Reset(seed: 0);
        var padded = new Dictionary<string, object?> { ["env"] = env.Id, ["action"] = 1L, ["padding"] = new byte[40_000] };
        long held = 0;
        var sender = secondClient ? b : a;
        try
        {
            held = a.Send(Ops.Step, padded);
            // Two connections' messages may arrive in either order: the second is sent only
            // once the held step is running, so its bytes are certainly counted.
            Assert.That(entered.Wait(TimeSpan.FromSeconds(30)), Is.True, "the held step reached the environment");
            long refused = sender.Send(Ops.ListScenarios, new Dictionary<string, object?> { ["padding"] = new byte[40_000] });
            var e = Assert.Throws<BridgeException>(() => sender.Receive(refused))!;
            Assert.That(e.Code, Is.EqualTo(ErrorCodes.ServerBusy));
            Assert.That(e.Message, Does.Contain(message));
        }
        finally
        {
            gate.Release();
        }
        Assert.That(a.Receive(held).ContainsKey("obs"), Is.True);
        Assert.That(sender.Call(Ops.ListScenarios, new Dictionary<string, object?> { ["padding"] = new byte[40_000] }).ContainsKey("scenarios"), Is.True, "served once the queue is empty");
        Assert.That(SpinWait.SpinUntil(() => f.Server.QueuedBytes == 0, TimeSpan.FromSeconds(30)), Is.True, "every byte given back");
    }

    [Test]
    public void Request_MillionsOfNils_BadMessageAndServerServes()
    {
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, maxRequestItems: 100_000));
        using var ctx = new ZmqContext();
        using var dealer = ctx.CreateSocket(ZmqSocketType.Dealer);
        dealer.SetOption(ZmqSocketOption.ReceiveTimeout, 20_000);
        dealer.Connect(f.Server.Endpoint);
        var w = new MsgPackWriter();
        w.WriteMapHeader(3);
        w.WriteString("id"); w.WriteInt(9);
        w.WriteString("op"); w.WriteString(Ops.ListScenarios);
        w.WriteString("nils"); w.WriteArrayHeader(2_000_000);
        for (int i = 0; i < 2_000_000; i++) w.Write(null);
        dealer.Send(w.Written.Span);
        var reply = (MsgPackMap)MsgPackReader.Decode(dealer.TryReceiveFrame(out _)!)!;
        var error = (MsgPackMap)Get(reply, "error")!;
        Assert.That(Get(reply, "id"), Is.EqualTo(9L));
        Assert.That(Get(error, "code"), Is.EqualTo(ErrorCodes.BadMessage));
        Assert.That((string)Get(error, "message")!, Does.Contain("100000 array elements"));
        using var c = f.Connect();
        Assert.That(c.Call(Ops.ListScenarios).ContainsKey("scenarios"), Is.True);
    }

    private static object? Get(MsgPackMap map, string key) => map.TryGetValue(key, out object? v) ? v : throw new AssertionException($"no '{key}' in the reply");
}
