using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Env.Checking;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>snapshot and restore over the bridge, on a real environment with ground-truth frames.</summary>
public sealed class SnapshotOpTests
{
    private const string Yaml = """
        name: snapshot-test
        frames: ground-truth
        world: {seed: 3, rooms: 2}
        camera: {width: 32, height: 32}
        observations: [rgb, pose]
        max_steps: 200
        """;

    [Test]
    public void Restore_AfterSnapshot_ContinuationIsIdentical()
    {
        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), new ScenarioEnvironmentProvider(null));
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));
        using var env = RemoteEnvironment.MakeInline(client, Yaml);
        env.Reset(seed: 9);
        foreach (long a in new long[] { 1, 5, 1 }) env.Step(a);
        var snap = client.Call(Ops.Snapshot, new Dictionary<string, object?> { ["env"] = env.Id });
        snap.TryGetValue("snapshot", out object? id);
        long[] actions = [1, 1, 6, 1, 2, 3];
        var first = actions.Select(a => env.Step(a)).ToArray();
        client.Call(Ops.Restore, new Dictionary<string, object?> { ["env"] = env.Id, ["snapshot"] = id });
        var second = actions.Select(a => env.Step(a)).ToArray();
        for (int i = 0; i < actions.Length; i++)
        {
            Assert.That(EnvChecker.SameValue(first[i].Observation, second[i].Observation), Is.True, $"step {i}");
            Assert.That(second[i].Reward, Is.EqualTo(first[i].Reward));
        }
    }

    [Test]
    public void Restore_UnknownSnapshot_BadMessage()
    {
        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), new ScenarioEnvironmentProvider(null));
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));
        using var env = RemoteEnvironment.MakeInline(client, Yaml);
        env.Reset(seed: 1);
        var e = Assert.Throws<BridgeException>(() => client.Call(Ops.Restore, new Dictionary<string, object?> { ["env"] = env.Id, ["snapshot"] = 77L }))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.BadMessage));
        Assert.That(e.Message, Does.Contain("no snapshot 77"));
    }
}
