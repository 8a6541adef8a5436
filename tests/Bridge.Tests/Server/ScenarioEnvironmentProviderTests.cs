using NUnit.Framework;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Env;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>The real environment (RtfmEnvironment, constant frames) through the bridge.</summary>
[TestFixture]
public sealed class ScenarioEnvironmentProviderTests
{
    internal const string ConstantYaml = """
        name: bridge-test
        frames: constant
        camera: {width: 64, height: 64}
        observations: [rgb, pose]
        max_steps: 50
        """;

    [Test]
    public void RemoteRtfmEnvironment_SeededEpisode_SameAsInProcess()
    {
        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), new ScenarioEnvironmentProvider(null));
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));
        using var remote = RemoteEnvironment.MakeInline(client, ConstantYaml);
        using var local = new RtfmEnvironment(ScenarioLoader.Parse(ConstantYaml));
        Assert.That(remote.ObservationSpace.ToString(), Is.EqualTo(local.ObservationSpace.ToString()));
        Assert.That(remote.ActionSpace.ToString(), Is.EqualTo(local.ActionSpace.ToString()));

        AssertSame(remote.Reset(seed: 11).Observation, local.Reset(seed: 11).Observation);
        var rng = new Rng(5);
        for (int i = 0; i < 20; i++)
        {
            object action = local.ActionSpace.Sample(rng);
            var r = remote.Step(action);
            var l = local.Step(action);
            AssertSame(r.Observation, l.Observation);
            Assert.That(r.Reward, Is.EqualTo(l.Reward));
            Assert.That((r.Terminated, r.Truncated), Is.EqualTo((l.Terminated, l.Truncated)));
            if (l.Done) break;
        }
    }

    [Test]
    public void Make_ShippedScenarioStartingFromAnImage_ResetsWithTheImageInMemory()
    {
        // "model" stands in for the learned model: any source registered under the name the scenario asks for.
        var components = EnvironmentComponents.BuiltIn with { FrameSources = Env.Frames.FrameSourceRegistry.BuiltIn.With("model", _ => new Env.Frames.ConstantFrameSource()) };
        var provider = new ScenarioEnvironmentProvider(Path.Combine(Support.RepoPaths.Root, "scenarios"), components);
        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), provider);
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));
        using var remote = RemoteEnvironment.Make(client, "image-to-world");
        Assert.That(remote.Reset(seed: 2).Observation, Is.Not.Null);
        using var local = new RtfmEnvironment(ScenarioLoader.Load(Path.Combine(Support.RepoPaths.Root, "scenarios", "image-to-world.yaml")), components: components);
        Assert.That(local.StartImages, Has.Count.EqualTo(1));
    }

    [Test]
    public void Make_InlineYamlNamingAnImage_InvalidScenarioAskingForAFile()
    {
        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), new ScenarioEnvironmentProvider(null));
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));
        var e = Assert.Throws<BridgeException>(() => RemoteEnvironment.MakeInline(client, "name: x\nstart_images:\n  - file: /etc/hostname\n"))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidScenario));
        Assert.That(e.Message, Does.Contain("start_images[0].file").And.Contain("load the scenario from its file"));
    }

    [Test]
    public void Make_InvalidInlineYaml_InvalidScenarioWithLine()
    {
        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), new ScenarioEnvironmentProvider(null));
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint, TimeSpan.FromSeconds(30)));
        var e = Assert.Throws<BridgeException>(() => RemoteEnvironment.MakeInline(client, "name: x\nmax_steps: -3\n"))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidScenario));
        Assert.That(e.Message, Does.Contain("max_steps"));
        e = Assert.Throws<BridgeException>(() => RemoteEnvironment.Make(client, "../../etc/passwd"))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.InvalidScenario));
    }

    private static void AssertSame(object remote, object local)
    {
        var r = (IReadOnlyDictionary<string, object>)remote;
        var l = (IReadOnlyDictionary<string, object>)local;
        Assert.That(r.Keys, Is.EquivalentTo(l.Keys));
        foreach (string k in l.Keys) Assert.That((NDArray)r[k], Is.EqualTo((NDArray)l[k]), k);
    }
}
