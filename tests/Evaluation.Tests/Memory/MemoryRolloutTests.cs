using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Tests;
using RtfmGym.Evaluation.Memory;

namespace RtfmGym.Evaluation.Tests.Memory;

public class MemoryRolloutTests
{
    [Test]
    public void Observe_PosesOfAnEnvironmentEpisode_SameFramesRetrievalsAndMemory()
    {
        var scenario = TestScenarios.Small("ground-truth", task: "free");
        using var env = new RtfmEnvironment(scenario, memory: new SpatialMemory());
        env.Reset(3);
        var poses = new List<Pose> { env.Pose };
        var checksums = new List<string> { env.LastFrame!.Checksum() };
        var retrieved = new List<long[]> { Array.Empty<long>() };
        var rng = new Rng(7);
        for (int t = 1; t <= 40; t++)
        {
            var r = env.Step((long)rng.NextInt(1, 7));
            poses.Add(env.Pose);
            checksums.Add(env.LastFrame!.Checksum());
            retrieved.Add((long[])r.Info["memory_retrieved"]!);
        }

        using var source = new GroundTruthRenderer();
        var rollout = new MemoryRollout(source, new SpatialMemory(), env.Camera, FrameChannels.Rgb | FrameChannels.Depth);
        rollout.Begin(env.World, (ulong)env.EpisodeSeed, poses[0]);
        for (int t = 0; t < poses.Count; t++)
        {
            Frame f = rollout.Observe(poses[t], t);
            Assert.That(f.Checksum(), Is.EqualTo(checksums[t]), $"frame {t}");
            Assert.That(rollout.LastRetrieved.Select(s => s.Entry.Id), Is.EqualTo(retrieved[t]), $"retrieval {t}");
        }
        Assert.That(rollout.Memory.Entries.Select(e => (e.Id, e.Pose, e.Step)), Is.EqualTo(env.Memory!.Entries.Select(e => (e.Id, e.Pose, e.Step))));
        Assert.That(rollout.Memory.WorldSeed, Is.EqualTo(env.Memory.WorldSeed));
    }

    [Test]
    public void Begin_AfterAnEpisode_StartsFromAnEmptyMemory()
    {
        var scenario = TestScenarios.Small();
        using var env = new RtfmEnvironment(scenario);
        env.Reset(3);
        var rollout = new MemoryRollout(new ConstantFrameSource(), new SpatialMemory(), env.Camera);
        rollout.Begin(env.World, 3, env.Pose);
        rollout.Observe(env.Pose, 0);
        rollout.Observe(env.Pose, 1);
        Assert.That(rollout.LastRetrieved, Has.Count.EqualTo(1));
        rollout.Begin(env.World, 3, env.Pose);
        Assert.That(rollout.Memory.Count, Is.EqualTo(0));
        Assert.That(rollout.LastRetrieved, Is.Empty);
    }
}
