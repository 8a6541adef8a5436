using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Tests;

public class WorldPoolTests
{
    private static Scenario Pooled(int pool = 20) => TestScenarios.Small() with { WorldPool = pool };

    [Test]
    public void Reset_PooledScenario_EachEpisodeInAWorldOfThePool()
    {
        using var env = new RtfmEnvironment(Pooled());
        var seeds = new HashSet<ulong>();
        for (long episode = 0; episode < 12; episode++)
        {
            env.Reset(episode);
            Assert.That(env.World.Seed, Is.InRange(3UL, 22UL));
            Assert.That(InfoKeys.WorldSeed.ReadOr(env.Reset(episode).Info, -1), Is.EqualTo((long)env.World.Seed));
            seeds.Add(env.World.Seed);
        }
        Assert.That(seeds, Has.Count.GreaterThan(4), "episodes spread over the pool");
    }

    [Test]
    public void Reset_SameEpisodeSeed_SameWorld()
    {
        using var a = new RtfmEnvironment(Pooled());
        using var b = new RtfmEnvironment(Pooled());
        for (long episode = 40; episode < 46; episode++)
        {
            a.Reset(episode);
            b.Reset(episode);
            Assert.That(a.World.Seed, Is.EqualTo(b.World.Seed));
        }
    }

    [Test]
    public void Reset_PoolOfOne_AlwaysTheScenarioWorld()
    {
        using var env = new RtfmEnvironment(Pooled(1));
        for (long episode = 0; episode < 5; episode++)
        {
            env.Reset(episode);
            Assert.That(env.World.Seed, Is.EqualTo(3UL));
        }
    }

    [Test]
    public void Reset_WorldSeedOption_OverridesThePool()
    {
        using var env = new RtfmEnvironment(Pooled());
        env.Reset(5, new Dictionary<string, object> { [ResetOptions.WorldSeedKey] = 77L });
        Assert.That(env.World.Seed, Is.EqualTo(77UL));
    }

    [Test]
    public void Reset_StartWithoutWorldSeedInAPool_RefusedNamingWorldSeed()
    {
        using var env = new RtfmEnvironment(Pooled());
        var options = new Dictionary<string, object> { [ResetOptions.StartKey] = new[] { 3.0, 3.0, 0.0 } };
        var e = Assert.Throws<ArgumentException>(() => env.Reset(5, options))!;
        Assert.That(e.Message, Does.Contain("world_seed").And.Contain("pool of 20"));
    }

    [Test]
    public void ForEpisode_EpisodeWithItsOwnWorld_LeavesThePool()
    {
        Scenario s = Pooled().ForEpisode(new ScenarioEpisode(1, 500, null, null, 0));
        Assert.That((s.World.Seed, s.WorldPool), Is.EqualTo((500UL, 1)));
        Assert.That(Pooled().ForEpisode(new ScenarioEpisode(1, null, null, null, 0)).WorldPool, Is.EqualTo(20));
    }

    [TestCase(3UL, true)]
    [TestCase(22UL, true)]
    [TestCase(23UL, false)]
    [TestCase(2UL, false)]
    public void DrawsWorld_SeedsOfThePool_TrueOnlyInside(ulong seed, bool expected) =>
        Assert.That(Pooled().DrawsWorld(seed), Is.EqualTo(expected));
}
