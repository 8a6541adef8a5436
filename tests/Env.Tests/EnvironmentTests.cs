using RtfmGym.Env.Checking;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tests;

public class EnvironmentTests
{
    [Test]
    public void Reset_SameSeed_IdenticalObservationAndInfo()
    {
        using var a = new RtfmEnvironment(TestScenarios.Small("ground-truth"));
        using var b = new RtfmEnvironment(TestScenarios.Small("ground-truth"));
        var ra = a.Reset(11);
        var rb = b.Reset(11);
        Assert.That(EnvChecker.SameValue(ra.Observation, rb.Observation), Is.True);
        Assert.That(ra.Info["pose"], Is.EqualTo(rb.Info["pose"]));
    }

    [Test]
    public void Reset_WithoutSeed_ContinuesStreamReproducibly()
    {
        using var a = new RtfmEnvironment(TestScenarios.Small());
        using var b = new RtfmEnvironment(TestScenarios.Small());
        a.Reset(5); b.Reset(5);
        long s1 = (long)a.Reset().Info["episode_seed"]!, s2 = (long)a.Reset().Info["episode_seed"]!;
        Assert.That(s1, Is.Not.EqualTo(s2), "unseeded resets move on to new episodes");
        Assert.That((long)b.Reset().Info["episode_seed"]!, Is.EqualTo(s1), "and the sequence repeats from the same first seed");
    }

    [Test]
    public void LastRenderTime_BeforeResetThenAfterSteps_ZeroThenPositive()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small("ground-truth"));
        Assert.That(env.LastRenderTime, Is.EqualTo(TimeSpan.Zero));
        env.Reset(3);
        Assert.That(env.LastRenderTime, Is.GreaterThan(TimeSpan.Zero), "the reset's observation is rendered too");
        env.Step(0L);
        Assert.That(env.LastRenderTime, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public void Step_OutOfSpaceAction_RejectedAndEpisodeUnchanged()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        env.Reset(1);
        var pose = env.Pose;
        var e = Assert.Throws<ActionOutOfSpaceException>(() => env.Step(42L));
        Assert.That(e!.Message, Does.Contain("42").And.Contain("Discrete(8)"));
        Assert.That(env.Pose, Is.EqualTo(pose));
        Assert.That(env.StepCount, Is.EqualTo(0));
        Assert.DoesNotThrow(() => env.Step(1L));
    }

    [Test]
    public void Step_BeforeResetOrAfterClose_ThrowsStateError()
    {
        var env = new RtfmEnvironment(TestScenarios.Small());
        Assert.Throws<EnvironmentStateException>(() => env.Step(0L));
        env.Close();
        env.Close();
        env.Dispose();
        Assert.Throws<EnvironmentStateException>(() => env.Reset());
    }

    [Test]
    public void Step_UntilLimit_TruncatedNotTerminated()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        env.Reset(2);
        StepResult r;
        int n = 0;
        do { r = env.Step(0L); n++; } while (!r.Done);
        Assert.That(n, Is.EqualTo(60));
        Assert.That(r.Truncated, Is.True);
        Assert.That(r.Terminated, Is.False);
        Assert.Throws<EnvironmentStateException>(() => env.Step(0L));
    }

    [Test]
    public void Step_Stop_TerminatesWithSplInInfo()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        env.Reset(3);
        var r = env.Step(7L);
        Assert.That(r.Terminated, Is.True);
        Assert.That(r.Info["success"], Is.False);
        Assert.That(r.Info["spl"], Is.EqualTo(0.0));
        Assert.That(r.Info, Contains.Key("soft_spl"));
    }

    [Test]
    public void Observation_RequestedKeys_PresentWithShapes()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small("ground-truth"));
        var obs = (IReadOnlyDictionary<string, object>)env.Reset(0).Observation;
        Assert.That(obs.Keys, Is.EquivalentTo(new[] { "rgb", "depth", "pose", "goal" }));
        Assert.That(((NDArray)obs["rgb"]).Shape, Is.EqualTo(new[] { 32, 32, 3 }));
        Assert.That(((NDArray)obs["depth"]).Shape, Is.EqualTo(new[] { 32, 32, 1 }));
        Assert.That(((NDArray)obs["pose"]).Length, Is.EqualTo(7));
        Assert.That(env.ObservationSpace.Contains(obs), Is.True);
    }

    [Test]
    public void Reset_OptionsStartAndGoal_Applied()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        var probe = env.Reset(1);
        double[] p = (double[])probe.Info["pose"]!;
        var r = env.Reset(1, new Dictionary<string, object> { ["start"] = new[] { p[0], p[2], 0.5 }, ["goal"] = new[] { p[0], p[2] } });
        Assert.That((double)r.Info["distance_to_goal"]!, Is.LessThan(0.1));
        Assert.Throws<ArgumentException>(() => env.Reset(1, new Dictionary<string, object> { ["colour"] = 3L }));
    }

    /// <summary>Refused resets, from an episode in progress: the options, and whether the reset is seeded.</summary>
    private static IEnumerable<TestCaseData> RefusedResets()
    {
        yield return new TestCaseData(new Dictionary<string, object> { ["world_seed"] = 5L, ["goal"] = new[] { 1000.0, 1000.0 } }, 7L).SetName("WorldSeedThenUnreachableGoal_Seeded");
        yield return new TestCaseData(new Dictionary<string, object> { ["world_seed"] = 5L, ["goal"] = new[] { 1000.0, 1000.0 } }, null).SetName("WorldSeedThenUnreachableGoal_Unseeded");
        yield return new TestCaseData(new Dictionary<string, object> { ["world_seed"] = 5L, ["start"] = new[] { 0.0, 0.0, 0.0 } }, null).SetName("WorldSeedThenStartInWall_Unseeded");
        yield return new TestCaseData(new Dictionary<string, object> { ["world_seed"] = -2L }, 7L).SetName("NegativeWorldSeed_Seeded");
        yield return new TestCaseData(new Dictionary<string, object> { ["world_seed"] = 5L, ["colour"] = 1L }, null).SetName("UnknownKeyAfterAGoodOne_Unseeded");
    }

    [TestCaseSource(nameof(RefusedResets))]
    public void Reset_RefusedOptions_EnvironmentExactlyAsBefore(Dictionary<string, object> options, long? seed)
    {
        using var env = new RtfmEnvironment(TestScenarios.Small("ground-truth"));
        using var twin = new RtfmEnvironment(TestScenarios.Small("ground-truth"));
        env.Reset(2);
        twin.Reset(2);
        for (long a = 0; a < 3; a++) { env.Step(a); twin.Step(a); }

        Assert.Throws<ArgumentException>(() => env.Reset(seed, options));

        for (long a = 1; a < 4; a++) AssertSameStep(env.Step(a), twin.Step(a));
        // The random streams did not move either: the next unseeded episode is the twin's.
        var r = env.Reset();
        var t = twin.Reset();
        Assert.That(EnvChecker.SameValue(r.Observation, t.Observation), Is.True);
        Assert.That(r.Info["episode_seed"], Is.EqualTo(t.Info["episode_seed"]));
        AssertSameStep(env.Step(2L), twin.Step(2L));
    }

    [Test]
    public void Reset_RefusedBeforeFirstReset_StepStillSaysResetFirst()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        Assert.Throws<ArgumentException>(() => env.Reset(1, new Dictionary<string, object> { ["start"] = new[] { 1.0, 2.0 } }));
        Assert.Throws<EnvironmentStateException>(() => env.Step(1L));
    }

    private static void AssertSameStep(StepResult a, StepResult b)
    {
        Assert.That(EnvChecker.SameValue(a.Observation, b.Observation), Is.True, "observation");
        Assert.That((a.Reward, a.Terminated, a.Truncated), Is.EqualTo((b.Reward, b.Terminated, b.Truncated)));
        Assert.That(a.Info.Keys, Is.EquivalentTo(b.Info.Keys));
        foreach (var (k, v) in a.Info) Assert.That(v, Is.EqualTo(b.Info[k]), k);
    }

    [Test]
    public void Reset_NegativeSeed_Throws()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Reset(-1));
    }

    [Test]
    public void Constructor_UnknownFrameSource_ListsKnownOnes()
    {
        var e = Assert.Throws<RtfmGymException>(() => new RtfmEnvironment(TestScenarios.Small("hologram")));
        Assert.That(e!.Message, Does.Contain("ground-truth").And.Contain("constant"));
    }
}
