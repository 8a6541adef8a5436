using NUnit.Framework;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Env;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Tests.Server;

[TestFixture]
public sealed class BridgeServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Test]
    public void Hello_CompatibleClient_ReportsProtocolAndLimits()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        Assert.That(c.ServerInfo.TryGetValue("protocol", out object? p) ? p : null, Is.EqualTo(ProtocolVersion.Current.ToString()));
        c.ServerInfo.TryGetValue("limits", out object? limits);
        Assert.That(((MsgPackMap)limits!).TryGetValue("max_envs_per_client", out object? max) ? max : null, Is.EqualTo(16L));
    }

    [Test]
    public void Hello_OtherMajorVersion_RefusedWithVersionMismatch()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        var e = Assert.Throws<BridgeException>(() => c.Call(Ops.Hello, new Dictionary<string, object?> { ["version"] = "2.0.0" }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.VersionMismatch));
        Assert.That(e.Message, Does.Contain("major"));
    }

    [Test]
    public void RemoteEnvironment_ResetAndStep_SameAsInProcess()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var remote = RemoteEnvironment.Make(c, "fake");
        using var local = new FakeEnvironment();
        Assert.That(remote.ActionSpace.ToString(), Is.EqualTo(local.ActionSpace.ToString()));
        Assert.That(remote.ObservationSpace.ToString(), Is.EqualTo(local.ObservationSpace.ToString()));

        var r1 = remote.Reset(seed: 3);
        var l1 = local.Reset(seed: 3);
        AssertSameObservation(r1.Observation, l1.Observation);
        for (int i = 0; i < 5; i++)
        {
            var r = remote.Step(2L);
            var l = local.Step(2L);
            AssertSameObservation(r.Observation, l.Observation);
            Assert.That((r.Reward, r.Terminated, r.Truncated), Is.EqualTo((l.Reward, l.Terminated, l.Truncated)));
            Assert.That(r.Info["step"], Is.EqualTo(l.Info["step"]));
        }
    }

    [Test]
    public void Step_ActionOutsideSpace_ThrowsActionOutOfSpace()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var remote = RemoteEnvironment.Make(c, "fake");
        remote.Reset(seed: 1);
        Assert.Throws<ActionOutOfSpaceException>(() => remote.Step(9L));
        Assert.DoesNotThrow(() => remote.Step(1L));
    }

    [Test]
    public void Step_BeforeReset_ThrowsEnvironmentState()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var remote = RemoteEnvironment.Make(c, "fake");
        Assert.Throws<EnvironmentStateException>(() => remote.Step(1L));
    }

    [Test]
    public void Make_UnknownScenario_InvalidScenario()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        var e = Assert.Throws<BridgeException>(() => RemoteEnvironment.Make(c, "nope"))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidScenario));
        e = Assert.Throws<BridgeException>(() => RemoteEnvironment.MakeInline(c, "rooms: ["))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidScenario));
        using var inline = RemoteEnvironment.MakeInline(c, "episode_length: 2");
        Assert.That(inline.Id, Is.Positive);
    }

    [Test]
    public void ListScenarios_Always_NamesShippedScenarios()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        var r = c.Call(Ops.ListScenarios);
        r.TryGetValue("scenarios", out object? list);
        Assert.That(((MsgPackMap)((object?[])list!)[0]!).TryGetValue("name", out object? name) ? name : null, Is.EqualTo("fake"));
    }

    [Test]
    public void Make_BeyondPerClientLimit_LimitExceeded()
    {
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, maxEnvsPerClient: 2));
        using var c = f.Connect();
        RemoteEnvironment.Make(c, "fake");
        RemoteEnvironment.Make(c, "fake");
        var e = Assert.Throws<BridgeException>(() => RemoteEnvironment.Make(c, "fake"))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.LimitExceeded));
    }

    [Test]
    public void Step_AnotherClientsEnv_UnknownEnv()
    {
        using var f = new ServerFixture();
        using var owner = f.Connect();
        using var other = f.Connect();
        using var env = RemoteEnvironment.Make(owner, "fake");
        var e = Assert.Throws<BridgeException>(() => other.Call(Ops.Reset, new Dictionary<string, object?> { ["env"] = env.Id }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.UnknownEnv));
    }

    [Test]
    public void Snapshot_AnyEnv_Unsupported()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var env = RemoteEnvironment.Make(c, "fake");
        var e = Assert.Throws<BridgeException>(() => c.Call(Ops.Snapshot, new Dictionary<string, object?> { ["env"] = env.Id }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.Unsupported));
    }

    [Test]
    public void Render_AfterReset_ReturnsRgbFrame()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var env = RemoteEnvironment.Make(c, "fake");
        var obs = (IReadOnlyDictionary<string, object>)env.Reset(seed: 4).Observation;
        var r = c.Call(Ops.Render, new Dictionary<string, object?> { ["env"] = env.Id });
        r.TryGetValue("frame", out object? frame);
        Assert.That(WireReader.ToNDArray((MsgPackMap)frame!), Is.EqualTo(obs["rgb"]));
    }

    [Test]
    public void Requests_Pipelined_OneReplyEachInOrderOfSteps()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var longEnv = RemoteEnvironment.MakeInline(c, "episode_length: 1000");
        longEnv.Reset(seed: 0);
        var ids = Enumerable.Range(0, 100).Select(_ => c.Send(Ops.Step, new Dictionary<string, object?> { ["env"] = longEnv.Id, ["action"] = 1L })).ToList();
        // Receive in reverse: later replies are held until asked for.
        var steps = ids.AsEnumerable().Reverse().Select(id => c.Receive(id)).Reverse()
            .Select(r => ((MsgPackMap)(r.TryGetValue("info", out object? i) ? i : null)!).TryGetValue("step", out object? s) ? (long)s! : -1).ToList();
        Assert.That(steps, Is.EqualTo(Enumerable.Range(1, 100).Select(i => (long)i)));
    }

    [Test]
    public void StepBatch_WithAutoreset_ResetsEndedEpisodesAndReportsFinalObs()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        var envs = Enumerable.Range(0, 3).Select(_ => RemoteEnvironment.MakeInline(c, "episode_length: 2")).ToList();
        envs.ForEach(e => e.Reset(seed: 1));
        MsgPackMap Batch() => c.Call(Ops.StepBatch, new Dictionary<string, object?>
        {
            ["steps"] = envs.Select(e => new Dictionary<string, object?> { ["env"] = e.Id, ["action"] = 1L }).Append(new Dictionary<string, object?> { ["env"] = 999L, ["action"] = 1L }).ToArray(),
            ["autoreset"] = true,
        });
        Batch();
        var second = Batch();
        second.TryGetValue("results", out object? results);
        var items = ((object?[])results!).Cast<MsgPackMap>().ToList();
        Assert.That(items, Has.Count.EqualTo(4));
        foreach (var item in items.Take(3))
        {
            Assert.That(item.TryGetValue("terminated", out object? t) ? t : null, Is.EqualTo(true));
            item.TryGetValue("info", out object? info);
            Assert.That(((MsgPackMap)info!).ContainsKey("final_obs"), Is.True);
        }
        Assert.That(items[3].ContainsKey("error"), Is.True);
    }

    [Test]
    public void Requests_BeyondPendingLimit_ServerBusyAndLaterOnesServed()
    {
        using var gate = new SemaphoreSlim(0);
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, maxPendingPerClient: 2), new FakeProvider { Gate = gate });
        using var c = f.Connect();
        using var env = RemoteEnvironment.Make(c, "fake");
        env.Reset(seed: 0);
        var step = new Dictionary<string, object?> { ["env"] = env.Id, ["action"] = 1L };
        long first = c.Send(Ops.Step, step);
        long second = c.Send(Ops.Step, step);
        long third = c.Send(Ops.Step, step);
        var e = Assert.Throws<BridgeException>(() => c.Receive(third))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.ServerBusy));
        gate.Release(2);
        Assert.DoesNotThrow(() => c.Receive(first));
        Assert.DoesNotThrow(() => c.Receive(second));
    }

    [Test]
    public void Client_SilentPastTimeout_EnvsClosedAndIdsForgotten()
    {
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, sessionTimeout: TimeSpan.FromMilliseconds(300)));
        using var c = f.Connect();
        var env = RemoteEnvironment.Make(c, "fake");
        env.Reset(seed: 0);
        Assert.That(f.Server.LiveEnvironments, Is.EqualTo(1));
        Assert.That(f.Server.WaitForLiveEnvironments(n => n == 0, Wait), Is.True);
        Assert.Throws<EnvironmentStateException>(() => env.Step(1L));
    }

    [Test]
    public void Client_DisconnectsMidEpisode_EnvsClosedOthersUnaffected()
    {
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 2, sessionTimeout: TimeSpan.FromMilliseconds(500)));
        using var stayer = f.Connect();
        using var stayEnv = RemoteEnvironment.Make(stayer, "fake");
        stayEnv.Reset(seed: 0);
        var leaver = f.Connect();
        var leaveEnv = RemoteEnvironment.Make(leaver, "fake");
        leaveEnv.Reset(seed: 0);
        leaveEnv.Step(1L);
        leaver.Dispose();
        // The stayer keeps stepping (and so stays alive) until the leaver's env is gone.
        long deadline = Environment.TickCount64 + 20_000;
        int steps = 0;
        while (f.Server.LiveEnvironments > 1 && Environment.TickCount64 < deadline)
        {
            var r = stayEnv.Step(1L);
            if (r.Terminated) stayEnv.Reset();
            steps++;
        }
        Assert.That(f.Server.LiveEnvironments, Is.EqualTo(1), $"after {steps} steps");
    }

    [Test]
    public void Stop_WithLiveEnvs_ClosesThem()
    {
        int before = FakeEnvironment.Disposed;
        var f = new ServerFixture();
        using (var c = f.Connect())
        {
            RemoteEnvironment.Make(c, "fake");
            RemoteEnvironment.Make(c, "fake");
        }
        f.Dispose();
        Assert.That(FakeEnvironment.Disposed - before, Is.GreaterThanOrEqualTo(2));
        Assert.That(f.Server.LiveEnvironments, Is.Zero);
    }

    private static void AssertSameObservation(object remote, object local)
    {
        var r = (IReadOnlyDictionary<string, object>)remote;
        var l = (IReadOnlyDictionary<string, object>)local;
        Assert.That(r.Keys, Is.EquivalentTo(l.Keys));
        foreach (var k in l.Keys) Assert.That((NDArray)r[k], Is.EqualTo((NDArray)l[k]), k);
    }
}
