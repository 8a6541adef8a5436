using RtfmGym.Env.Checking;
using RtfmGym.Env.Vector;

namespace RtfmGym.Env.Tests.Vector;

public class VectorEnvironmentTests
{
    private static VectorEnvironment Make(int n, AutoresetMode mode, bool parallel, string frames = "constant") =>
        new(Enumerable.Range(0, n).Select(_ => (IEnvironment)new RtfmEnvironment(TestScenarios.Small(frames))).ToArray(), mode, parallel);

    [Test]
    public void Step_ParallelAndSequential_SameResults()
    {
        using var a = Make(3, AutoresetMode.NextStep, parallel: true, frames: "ground-truth");
        using var b = Make(3, AutoresetMode.NextStep, parallel: false, frames: "ground-truth");
        a.Reset(10); b.Reset(10);
        var rng = new Randomness.Rng(2);
        for (int t = 0; t < 20; t++)
        {
            object[] actions = Enumerable.Range(0, 3).Select(_ => (object)rng.NextLong(7)).ToArray();
            var ra = a.Step(actions);
            var rb = b.Step(actions);
            for (int i = 0; i < 3; i++) Assert.That(EnvChecker.SameValue(ra.Observations[i], rb.Observations[i]), Is.True, $"t {t} env {i}");
            Assert.That(ra.Rewards, Is.EqualTo(rb.Rewards));
        }
    }

    [Test]
    public void Step_NextStepMode_ResetsOnTheFollowingStep()
    {
        using var v = Make(2, AutoresetMode.NextStep, parallel: false);
        v.Reset(1);
        var r = v.Step([7L, 0L]); // env 0 stops: terminated
        Assert.That(r.Terminated[0], Is.True);
        var next = v.Step([0L, 0L]);
        Assert.That(next.Rewards[0], Is.EqualTo(0.0));
        Assert.That(next.Infos[0]["step"], Is.EqualTo(0), "the reset observation comes back");
        Assert.That(next.Infos[1]["step"], Is.EqualTo(2));
    }

    [Test]
    public void Step_SameStepMode_ReturnsResetObservationAndFinalInfo()
    {
        using var v = Make(2, AutoresetMode.SameStep, parallel: false);
        v.Reset(1);
        var r = v.Step([7L, 0L]);
        Assert.That(r.Terminated[0], Is.True);
        Assert.That(r.Infos[0]["step"], Is.EqualTo(0), "the reset's info at the top");
        Assert.That(r.Infos[0], Contains.Key("final_obs").And.ContainKey("final_info"));
        Assert.That(((IReadOnlyDictionary<string, object?>)r.Infos[0]["final_info"]!)["step"], Is.EqualTo(1));
        Assert.That(r.Infos[1], Does.Not.ContainKey("final_obs"));
    }

    [Test]
    public void Step_DisabledMode_EndedEpisodeRefusedUntilMaskedReset()
    {
        using var v = Make(2, AutoresetMode.Disabled, parallel: false);
        v.Reset(1);
        var r = v.Step([7L, 0L]);
        Assert.That((r.Terminated[0], r.Infos[0]["step"]), Is.EqualTo((true, 1)));
        Assert.Throws<EnvironmentStateException>(() => v.Step([0L, 0L]));
        var (obs, infos) = v.Reset(mask: [true, false]);
        Assert.That((infos[0]["step"], infos[1].Count), Is.EqualTo((0, 0)));
        Assert.That(EnvChecker.SameValue(obs[1], r.Observations[1]), Is.True, "env 1 keeps its last observation");
        var next = v.Step([0L, 0L]);
        Assert.That((next.Infos[0]["step"], next.Infos[1]["step"]), Is.EqualTo((1, 2)), "the refused step moved neither");
    }

    [TestCase(new[] { false, false })]
    [TestCase(new[] { true })]
    public void Reset_BadMask_Throws(bool[] mask)
    {
        using var v = Make(2, AutoresetMode.Disabled, parallel: false);
        Assert.Throws<ArgumentException>(() => v.Reset(1, mask));
    }

    [Test]
    public void Step_OneBadAction_NothingMoves()
    {
        using var v = Make(2, AutoresetMode.NextStep, parallel: false);
        v.Reset(1);
        Assert.Throws<ActionOutOfSpaceException>(() => v.Step([1L, 99L]));
        var r = v.Step([0L, 0L]);
        Assert.That(r.Infos[0]["step"], Is.EqualTo(1), "the rejected batch did not step env 0");
    }

    [Test]
    public void Step_WrongActionCount_Throws()
    {
        using var v = Make(2, AutoresetMode.NextStep, parallel: false);
        v.Reset(1);
        Assert.Throws<ArgumentException>(() => v.Step([1L]));
    }
}
