using NUnit.Framework;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Bridge.Zmq;
using RtfmGym.Env;
using RtfmGym.Env.Checking;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>The ops' contract: error codes of bad input, atomic resets, autoreset modes, spec fields, envelopes.</summary>
[TestFixture]
public sealed class RequestHandlerTests
{
    /// <summary>A small PointNav scenario with pose-dependent frames (world seed 3).</summary>
    private const string PointNavYaml = """
        name: contract
        seed: 4
        max_steps: 40
        frames: ground-truth
        world: { seed: 3, rooms: 3 }
        camera: { width: 32, height: 32 }
        observations: [rgb, pose, goal]
        task: { kind: pointnav }
        """;

    private static BridgeServer RealServer()
    {
        var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), new ScenarioEnvironmentProvider(null));
        server.Start();
        return server;
    }

    private static BridgeClient Connect(BridgeServer server) => new(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));

    private static object? Field(MsgPackMap map, string key) => map.TryGetValue(key, out object? v) ? v : null;

    /// <summary>Reset options the environment refuses, with a word of its message.</summary>
    private static IEnumerable<TestCaseData> BadResetOptions()
    {
        yield return new TestCaseData("world_seed", -1L, "world_seed").SetName("Reset_NegativeWorldSeed_InvalidArgument");
        yield return new TestCaseData("world_seed", "3", "world_seed").SetName("Reset_StringWorldSeed_InvalidArgument");
        yield return new TestCaseData("start", new[] { 2.0, 2.0 }, "3 numbers").SetName("Reset_TwoNumberStart_InvalidArgument");
        yield return new TestCaseData("start", new[] { 0.0, 0.0, 0.0 }, "inside a wall").SetName("Reset_StartInsideWall_InvalidArgument");
        yield return new TestCaseData("start", new[] { double.NaN, 2.0, 0.0 }, "finite").SetName("Reset_NaNStart_InvalidArgument");
        yield return new TestCaseData("goal", new[] { 1000.0, 1000.0 }, "not on the floor").SetName("Reset_GoalOffTheWorld_InvalidArgument");
        yield return new TestCaseData("colour", 3L, "'colour' is not understood").SetName("Reset_UnknownKey_InvalidArgument");
    }

    [TestCaseSource(nameof(BadResetOptions))]
    public void Reset_BadOption_OwnCodeAndTheEnvironmentsMessage(string key, object value, string expected)
    {
        using var server = RealServer();
        using var c = Connect(server);
        long env = WireReader.AsLong(Field(c.Call(Ops.Make, new Dictionary<string, object?> { ["scenario_yaml"] = PointNavYaml }), "env"), "env");
        var e = Assert.Throws<BridgeException>(() => c.Call(Ops.Reset, new Dictionary<string, object?>
        {
            ["env"] = env, ["seed"] = 1L, ["options"] = new Dictionary<string, object?> { [key] = value },
        }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidArgument));
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public void Reset_RefusedOverTheBridge_NextStepsSameAsAnUntouchedTwin()
    {
        using var server = RealServer();
        using var c = Connect(server);
        using var remote = RemoteEnvironment.MakeInline(c, PointNavYaml);
        using var twin = new RtfmEnvironment(ScenarioLoader.Parse(PointNavYaml));
        remote.Reset(seed: 2);
        twin.Reset(seed: 2);
        for (long a = 0; a < 3; a++) { remote.Step(a); twin.Step(a); }

        Assert.Throws<ArgumentException>(() => remote.Reset(seed: 7, new Dictionary<string, object> { ["world_seed"] = 5L, ["goal"] = new[] { 1000.0, 1000.0 } }));

        for (long a = 1; a < 4; a++)
        {
            StepResult r = remote.Step(a), t = twin.Step(a);
            Assert.That(EnvChecker.SameValue(r.Observation, t.Observation), Is.True, $"step {a}");
            Assert.That((r.Reward, r.Info["world_seed"]), Is.EqualTo((t.Reward, t.Info["world_seed"])));
        }
    }

    [TestCase(false, TestName = "Step_NeverReset_InvalidState")]
    [TestCase(true, TestName = "Step_OnlyResetRefused_InvalidState")]
    public void Step_NeverReset_InvalidState(bool refusedResetFirst)
    {
        using var server = RealServer();
        using var c = Connect(server);
        long env = WireReader.AsLong(Field(c.Call(Ops.Make, new Dictionary<string, object?> { ["scenario_yaml"] = PointNavYaml }), "env"), "env");
        if (refusedResetFirst)
        {
            Assert.Throws<BridgeException>(() => c.Call(Ops.Reset, new Dictionary<string, object?>
            {
                ["env"] = env, ["options"] = new Dictionary<string, object?> { ["world_seed"] = 5L, ["goal"] = new[] { 1000.0, 1000.0 } },
            }));
        }
        var e = Assert.Throws<BridgeException>(() => c.Call(Ops.Step, new Dictionary<string, object?> { ["env"] = env, ["action"] = 1L }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidState));
        Assert.That(e.Message, Does.Contain("Reset"));
    }

    [Test]
    public void Reset_NegativeSeed_InvalidArgument()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var env = RemoteEnvironment.Make(c, "fake");
        var e = Assert.Throws<BridgeException>(() => c.Call(Ops.Reset, new Dictionary<string, object?> { ["env"] = env.Id, ["seed"] = -3L }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidArgument));
    }

    [Test]
    public void Spec_RtfmEnvironment_MaxStepsAutoresetModeAndCompactRgbBounds()
    {
        using var server = RealServer();
        using var c = Connect(server);
        var made = c.Call(Ops.Make, new Dictionary<string, object?> { ["scenario_yaml"] = PointNavYaml });
        var spec = c.Call(Ops.Spec, new Dictionary<string, object?> { ["env"] = Field(made, "env") });
        Assert.That((Field(spec, "max_steps"), Field(spec, "autoreset_mode")), Is.EqualTo((40L, "SameStep")));
        Assert.That((Field(made, "max_steps"), Field(made, "autoreset_mode")), Is.EqualTo((40L, "SameStep")), "make's result repeats the spec");
        var rgb = (MsgPackMap)Field((MsgPackMap)Field((MsgPackMap)Field(spec, "observation_space")!, "spaces")!, "rgb")!;
        Assert.That((Field(rgb, "low"), Field(rgb, "high")), Is.EqualTo((0.0, 255.0)));
    }

    [TestCase(null, "SameStep", TestName = "Make_NoAutoresetMode_SameStepDeclared")]
    [TestCase("NextStep", "NextStep", TestName = "Make_NextStep_Declared")]
    [TestCase("Disabled", "Disabled", TestName = "Make_Disabled_Declared")]
    public void Make_AutoresetMode_DeclaredInSpec(string? asked, string declared)
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        var made = c.Call(Ops.Make, new Dictionary<string, object?> { ["scenario"] = "fake", ["autoreset_mode"] = asked });
        var spec = c.Call(Ops.Spec, new Dictionary<string, object?> { ["env"] = Field(made, "env") });
        Assert.That((Field(spec, "autoreset_mode"), Field(spec, "max_steps")), Is.EqualTo((declared, (object?)null)));
    }

    [TestCase("next_step", ErrorCodes.InvalidArgument, TestName = "Make_UnknownAutoresetMode_InvalidArgument")]
    [TestCase(1L, ErrorCodes.BadMessage, TestName = "Make_AutoresetModeNotString_BadMessage")]
    public void Make_BadAutoresetMode_Refused(object asked, string code)
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        var e = Assert.Throws<BridgeException>(() => c.Call(Ops.Make, new Dictionary<string, object?> { ["scenario"] = "fake", ["autoreset_mode"] = asked }))!;
        Assert.That(e.Code, Is.EqualTo(code));
        Assert.That(e.Message, Does.Contain("autoreset_mode"));
    }

    [TestCase(1L, TestName = "StepBatch_AutoresetInteger_BadMessage")]
    [TestCase("true", TestName = "StepBatch_AutoresetString_BadMessage")]
    [TestCase(null, TestName = "StepBatch_AutoresetNil_BadMessage")]
    public void StepBatch_AutoresetNotBool_BadMessage(object? autoreset)
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        using var env = RemoteEnvironment.Make(c, "fake");
        env.Reset(seed: 1);
        var e = Assert.Throws<BridgeException>(() => c.Call(Ops.StepBatch, new Dictionary<string, object?>
        {
            ["steps"] = new[] { new Dictionary<string, object?> { ["env"] = env.Id, ["action"] = 1L } },
            ["autoreset"] = autoreset,
        }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.BadMessage));
        Assert.That(e.Message, Does.Contain("autoreset"));
        Assert.That(env.Step(1L).Info["step"], Is.EqualTo(1L), "the refused batch stepped nothing");
    }

    /// <summary>Steps env (episodes of 2 steps) in a one-entry batch with autoreset; returns the entry.</summary>
    private static MsgPackMap BatchStep(BridgeClient c, long env, long action = 1L)
    {
        var r = c.Call(Ops.StepBatch, new Dictionary<string, object?>
        {
            ["steps"] = new[] { new Dictionary<string, object?> { ["env"] = env, ["action"] = action } },
            ["autoreset"] = true,
        });
        return (MsgPackMap)((object?[])Field(r, "results")!)[0]!;
    }

    /// <summary>Makes a fake environment with episodes of 2 steps under <paramref name="mode"/>, reset with seed 9, and steps it once.</summary>
    private static long StartFake(BridgeClient c, string mode)
    {
        long env = WireReader.AsLong(Field(c.Call(Ops.Make, new Dictionary<string, object?> { ["scenario_yaml"] = "episode_length: 2", ["autoreset_mode"] = mode }), "env"), "env");
        c.Call(Ops.Reset, new Dictionary<string, object?> { ["env"] = env, ["seed"] = 9L });
        BatchStep(c, env);
        return env;
    }

    [Test]
    public void StepBatch_SameStepMode_ResetsInfoOnTopFinalObsAndFinalInfoBelow()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        long env = StartFake(c, "SameStep");
        var end = BatchStep(c, env);
        var info = (MsgPackMap)Field(end, "info")!;
        Assert.That((Field(end, "terminated"), Field(end, "reward")), Is.EqualTo((true, 0.5)), "the ending step's own figures");
        Assert.That(Field(info, "seed"), Is.EqualTo(9L), "the reset's info at the top");
        Assert.That(info.ContainsKey("step") || info.ContainsKey("reset_info"), Is.False);
        Assert.That(Field((MsgPackMap)Field(info, "final_info")!, "step"), Is.EqualTo(2L));
        Assert.That(Field(info, "final_obs"), Is.InstanceOf<MsgPackMap>());
        Assert.That(Field((MsgPackMap)Field(BatchStep(c, env), "info")!, "step"), Is.EqualTo(1L), "the new episode goes on");
    }

    [Test]
    public void StepBatch_NextStepMode_EndingStepThenResetWithZeroReward()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        long env = StartFake(c, "NextStep");
        var end = BatchStep(c, env);
        Assert.That((Field(end, "terminated"), Field((MsgPackMap)Field(end, "info")!, "step")), Is.EqualTo((true, 2L)));
        var first = BatchStep(c, env, action: 3L);
        Assert.That((Field(first, "reward"), Field(first, "terminated"), Field(first, "truncated")), Is.EqualTo((0.0, false, false)));
        Assert.That(Field((MsgPackMap)Field(first, "info")!, "seed"), Is.EqualTo(9L), "the reset's info");
    }

    [Test]
    public void StepBatch_DisabledModeOrPlainStep_EndedEpisodeInvalidStateUntilReset()
    {
        using var f = new ServerFixture();
        using var c = f.Connect();
        long env = StartFake(c, "Disabled");
        Assert.That(Field(BatchStep(c, env), "terminated"), Is.EqualTo(true));
        var refused = (MsgPackMap)Field(BatchStep(c, env), "error")!;
        Assert.That(Field(refused, "code"), Is.EqualTo(ErrorCodes.InvalidState));
        var plain = Assert.Throws<BridgeException>(() => c.Call(Ops.Step, new Dictionary<string, object?> { ["env"] = env, ["action"] = 1L }))!;
        Assert.That(plain.Code, Is.EqualTo(ErrorCodes.InvalidState));
        c.Call(Ops.Reset, new Dictionary<string, object?> { ["env"] = env });
        Assert.That(Field((MsgPackMap)Field(BatchStep(c, env), "info")!, "step"), Is.EqualTo(1L));
    }

    [Test]
    public void Restore_SnapshotAtEpisodeEnd_NextStepModeResetsOnTheFollowingStep()
    {
        using var server = RealServer();
        using var c = Connect(server);
        long env = WireReader.AsLong(Field(c.Call(Ops.Make, new Dictionary<string, object?> { ["scenario_yaml"] = PointNavYaml, ["autoreset_mode"] = "NextStep" }), "env"), "env");
        c.Call(Ops.Reset, new Dictionary<string, object?> { ["env"] = env, ["seed"] = 1L });
        Assert.That(Field(BatchStep(c, env, action: 7L), "terminated"), Is.EqualTo(true), "7 is stop");
        var snapshot = Field(c.Call(Ops.Snapshot, new Dictionary<string, object?> { ["env"] = env }), "snapshot");
        c.Call(Ops.Reset, new Dictionary<string, object?> { ["env"] = env, ["seed"] = 2L });
        c.Call(Ops.Restore, new Dictionary<string, object?> { ["env"] = env, ["snapshot"] = snapshot });
        var first = BatchStep(c, env);
        Assert.That((Field(first, "reward"), Field((MsgPackMap)Field(first, "info")!, "step")), Is.EqualTo((0.0, 0L)), "the restored ended episode is reset");
    }

    [TestCase(8, true, TestName = "Request_EightEnvelopeFrames_AnsweredThroughThem")]
    [TestCase(9, false, TestName = "Request_NineEnvelopeFrames_BadMessage")]
    public void Request_EnvelopeFrames_UpToEightFromADealer(int envelopeFrames, bool served)
    {
        using var f = new ServerFixture();
        using var ctx = new ZmqContext();
        using var dealer = ctx.CreateSocket(ZmqSocketType.Dealer);
        dealer.SetOption(ZmqSocketOption.ReceiveTimeout, 20_000);
        dealer.Connect(f.Server.Endpoint);
        var frames = Enumerable.Range(0, envelopeFrames).Select(i => (ReadOnlyMemory<byte>)new[] { (byte)i }).ToList();
        frames.Add(MsgPackWriter.Encode(new Dictionary<string, object?> { ["id"] = 5L, ["op"] = "list_scenarios" }));
        dealer.SendMultipart(frames);
        var reply = dealer.TryReceiveMultipart(out _, maxFrames: 64)!;
        var map = (MsgPackMap)MsgPackReader.Decode(reply[^1])!;
        if (served)
        {
            Assert.That(reply.Take(reply.Count - 1).Select(b => b.Single()), Is.EqualTo(Enumerable.Range(0, envelopeFrames).Select(i => (byte)i)), "the envelope comes back");
            Assert.That(map.ContainsKey("result"), Is.True);
        }
        else
        {
            Assert.That(Field((MsgPackMap)Field(map, "error")!, "code"), Is.EqualTo(ErrorCodes.BadMessage));
        }
    }
}
