using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Env;
using RtfmGym.Env.Checking;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>The server asks environments for snapshots and frames through capability interfaces, so any environment can offer them.</summary>
public sealed class CapabilityTests
{
    /// <summary>Not an RtfmEnvironment: it wraps one and offers snapshots and rendering through the interfaces alone.</summary>
    private sealed class Wrapped(RtfmEnvironment inner) : ISnapshotEnvironment, IRenderableEnvironment
    {
        public Space ObservationSpace => inner.ObservationSpace;
        public Space ActionSpace => inner.ActionSpace;
        public int StepCount => inner.StepCount;
        public int Renders { get; private set; }
        public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null) => inner.Reset(seed, options);
        public StepResult Step(object action) => inner.Step(action);
        public EnvironmentSnapshot Snapshot() => inner.Snapshot();
        public void Restore(EnvironmentSnapshot snapshot) => inner.Restore(snapshot);

        public NDArray? Render()
        {
            Renders++;
            return inner.Render();
        }

        public void Close() => inner.Close();
        public void Dispose() => inner.Dispose();
    }

    private static Scenario Scenario() => ScenarioLoader.Parse("""
        name: wrapped
        frames: ground-truth
        world: {seed: 3, rooms: 2}
        camera: {width: 32, height: 32}
        max_steps: 100
        """, "wrapped.yaml");

    [Test]
    public void SnapshotRestoreRender_EnvironmentOfferingTheInterfaces_Served()
    {
        Wrapped? made = null;
        var provider = new ChoiceProvider(new Dictionary<string, Func<IEnvironment>> { ["wrapped"] = () => made = new Wrapped(new RtfmEnvironment(Scenario())) });
        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), provider);
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));
        using var env = RemoteEnvironment.Make(client, "wrapped");
        env.Reset(seed: 4);
        env.Step(1L);
        client.Call(Ops.Snapshot, new Dictionary<string, object?> { ["env"] = env.Id }).TryGetValue("snapshot", out object? id);
        StepResult first = env.Step(1L);
        var restored = client.Call(Ops.Restore, new Dictionary<string, object?> { ["env"] = env.Id, ["snapshot"] = id });
        Assert.That(restored.TryGetValue("step", out object? step) ? step : null, Is.EqualTo(1L));
        Assert.That(EnvChecker.SameValue(first.Observation, env.Step(1L).Observation), Is.True);
        client.Call(Ops.Render, new Dictionary<string, object?> { ["env"] = env.Id });
        Assert.That(made!.Renders, Is.EqualTo(1));
    }
}
