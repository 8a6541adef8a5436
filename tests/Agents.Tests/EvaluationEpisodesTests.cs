using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Agents.Tests;

public class EvaluationEpisodesTests
{
    private static Scenario Single(ulong worldSeed = 7) => new() { Name = "single", World = new WorldOptions { Seed = worldSeed } };

    [Test]
    public void Select_Suite_KeepsItsEpisodes()
    {
        Scenario suite = SuiteFixture.Suite();
        Assert.That(EvaluationEpisodes.Select(suite).Episodes, Is.EqualTo(suite.Episodes));
        Assert.That(EvaluationEpisodes.Select(suite, 3).Episodes, Is.EqualTo(suite.Episodes.Take(3)));
    }

    [Test]
    public void Select_SingleScenario_HeldOutWorldsSkippingItsOwn()
    {
        Scenario s = EvaluationEpisodes.Select(Single(worldSeed: 1001), 3);
        Assert.That(s.Episodes.Select(e => e.WorldSeed), Is.EqualTo(new ulong?[] { 1000, 1002, 1003 }));
        Assert.That(s.Episodes.Select(e => e.Seed), Is.EqualTo(new long[] { 1000, 1002, 1003 }), "start and goal drawn from the world's seed");
        Assert.That(s.Episodes.All(e => e.Start is null && e.Goal is null), Is.True);
    }

    [Test]
    public void Select_PooledScenario_SkipsEveryWorldOfThePool()
    {
        Scenario pooled = Single(worldSeed: 998) with { WorldPool = 4 };
        Scenario s = EvaluationEpisodes.Select(pooled, 3);
        Assert.That(s.Episodes.Select(e => e.WorldSeed), Is.EqualTo(new ulong?[] { 1002, 1003, 1004 }));
        Assert.That(s.Expand(3).Select(e => e.WorldPool), Is.All.EqualTo(1), "an evaluation episode stays in its own world");
    }

    [Test]
    public void Select_SingleScenarioWithSeed_StartsThere()
    {
        Scenario s = EvaluationEpisodes.Select(Single(), 2, firstWorldSeed: 50);
        Assert.That(s.Episodes.Select(e => e.WorldSeed), Is.EqualTo(new ulong?[] { 50, 51 }));
        Assert.That(EvaluationEpisodes.Select(Single()).Episodes, Has.Count.EqualTo(EvaluationEpisodes.DefaultCount));
    }

    [Test]
    public void Select_SameArguments_SameEpisodes() =>
        Assert.That(EvaluationEpisodes.Select(Single(), 5, 9).Episodes, Is.EqualTo(EvaluationEpisodes.Select(Single(), 5, 9).Episodes));

    [Test]
    public void Select_SeedForASuite_ThrowsSayingItFixesItsEpisodes()
    {
        var e = Assert.Throws<RtfmGymException>(() => EvaluationEpisodes.Select(SuiteFixture.Suite(), firstWorldSeed: 5));
        Assert.That(e!.Message, Does.Contain("fixes its own episodes"));
    }

    [TestCase(0, null, "--episodes", TestName = "Select_NoEpisodes_ThrowsNamingEpisodes")]
    [TestCase(2, -1L, "--seed", TestName = "Select_NegativeSeed_ThrowsNamingSeed")]
    public void Select_BadArguments_ThrowsNamingTheOption(int count, long? seed, string expected)
    {
        var e = Assert.Throws<RtfmGymException>(() => EvaluationEpisodes.Select(Single(), count, seed));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void Select_FixedStart_ThrowsSayingItFitsOnlyItsWorld()
    {
        Scenario fixedStart = Single() with { Start = new FloorPose(new Vector2(1, 1), 0) };
        Assert.That(() => EvaluationEpisodes.Select(fixedStart), Throws.TypeOf<RtfmGymException>().With.Message.Contains("fixes its start or goal"));
        Scenario fixedGoal = Single() with { Task = new TaskSettings { Goal = new Vector2(2, 2) } };
        Assert.That(() => EvaluationEpisodes.Select(fixedGoal), Throws.TypeOf<RtfmGymException>());
    }
}
