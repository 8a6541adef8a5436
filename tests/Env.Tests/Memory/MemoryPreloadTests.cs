using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Tests.Memory;

public class MemoryPreloadTests
{
    /// <summary>The memory of a few steps in the small scenario's world (seed 3).</summary>
    private static SpatialMemory Remembered(int steps = 6)
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.Reset(3);
        for (int i = 0; i < steps; i++) env.Step(i % 2 == 0 ? 1L : 5L);
        return env.Memory!.Clone();
    }

    private static RtfmGym.Env.Scenarios.Scenario InWorld(ulong seed)
    {
        var s = TestScenarios.Small();
        return s with { World = s.World with { Seed = seed } };
    }

    [Test]
    public void Reset_WithMemory_MarksMemoryWithWorldSeed()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.Reset(3);
        Assert.That(env.Memory!.WorldSeed, Is.EqualTo(3UL));
        env.Reset(4, new Dictionary<string, object> { ["world_seed"] = 8L });
        Assert.That(env.Memory.WorldSeed, Is.EqualTo(8UL));
    }

    [Test]
    public void PreloadMemory_SameWorld_EntriesCopiedInAtEveryResetAndRetrieved()
    {
        SpatialMemory remembered = Remembered();
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.PreloadMemory(remembered);
        for (int episode = 0; episode < 2; episode++)
        {
            var reset = env.Reset(3);
            // The first frame replaces the remembered one in its slot (the same start pose was remembered).
            var startSlot = MemorySlot.Of(env.Pose, env.Memory!.Options);
            var kept = remembered.Entries.Where(e => MemorySlot.Of(e.Pose, remembered.Options) != startSlot).ToArray();
            Assert.That(kept, Has.Length.EqualTo(remembered.Count - 1), "the walk started where the episode starts");
            var preloaded = env.Memory.Entries.Where(e => e.Step < 0).ToArray();
            Assert.That(preloaded.Select(e => e.Pose), Is.EqualTo(kept.Select(e => e.Pose)));
            Assert.That(preloaded.Select(e => e.Step), Is.EqualTo(kept.Select(e => e.Step - remembered.LatestStep - 1)),
                "steps shifted so the newest remembered frame is step -1");
            Assert.That(env.Memory.Count, Is.EqualTo(kept.Length + 1));
            Assert.That((long[])reset.Info["memory_retrieved"]!, Is.Not.Empty, "the first frame already has context: the start was seen before");
        }
    }

    [Test]
    public void PreloadMemory_LaterChangesToTheSource_DoNotLeakIn()
    {
        SpatialMemory remembered = Remembered();
        int count = remembered.Count;
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.PreloadMemory(remembered);
        remembered.Clear();
        env.Reset(3);
        Assert.That(env.Memory!.Count, Is.EqualTo(count), "the remembered entries, the first frame taking the start's slot");
    }

    [Test]
    public void PreloadMemory_OtherWorld_ThrowsNamingBothSeeds()
    {
        SpatialMemory remembered = Remembered();
        using var env = new RtfmEnvironment(InWorld(9), memory: new SpatialMemory());
        var e = Assert.Throws<RtfmGymException>(() => env.PreloadMemory(remembered));
        Assert.That(e!.Message, Does.Contain("world seed 3").And.Contain("seed 9"));
    }

    [Test]
    public void Reset_WorldSeedOptionOtherThanPreloaded_ThrowsAndEpisodeGoesOn()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.PreloadMemory(Remembered());
        env.Reset(3);
        int entries = env.Memory!.Count;
        var e = Assert.Throws<RtfmGymException>(() => env.Reset(3, new Dictionary<string, object> { ["world_seed"] = 8L }));
        Assert.That(e!.Message, Does.Contain("world seed 3").And.Contain("seed 8"));
        Assert.That((env.World.Seed, env.Memory.Count), Is.EqualTo((3UL, entries)), "the refused reset changed nothing");
        Assert.That(env.Step(1L).Info["step"], Is.EqualTo(1), "the episode goes on");
        Assert.DoesNotThrow(() => env.Reset(3), "a reset in the remembered world works again");
    }

    [Test]
    public void PreloadMemory_UnknownWorld_Accepted()
    {
        var remembered = Remembered();
        remembered.WorldSeed = null;
        using var env = new RtfmEnvironment(InWorld(9), memory: new SpatialMemory());
        Assert.DoesNotThrow(() => env.PreloadMemory(remembered));
    }

    [Test]
    public void PreloadMemory_EnvironmentWithoutMemory_Throws()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        var e = Assert.Throws<RtfmGymException>(() => env.PreloadMemory(Remembered()));
        Assert.That(e!.Message, Does.Contain("no spatial memory"));
    }

    [Test]
    public void PreloadMemory_Null_StopsPreloading()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.PreloadMemory(Remembered());
        env.PreloadMemory(null);
        env.Reset(3);
        Assert.That(env.Memory!.Count, Is.EqualTo(1));
    }

    [Test]
    public void CloneAndClear_WorldSeed_CopiedAndForgotten()
    {
        var memory = new SpatialMemory { WorldSeed = 5 };
        Assert.That(memory.Clone().WorldSeed, Is.EqualTo(5UL));
        memory.Clear();
        Assert.That(memory.WorldSeed, Is.Null);
    }
}
