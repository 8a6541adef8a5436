using RtfmGym.Env.Checking;
using RtfmGym.Env.Vector;

namespace RtfmGym.Env.Tests.Vector;

public class AutoresetTests
{
    private const long Stop = 7; // the discrete action that ends a PointNav episode

    private static Autoreset Make(AutoresetMode mode) => new(new RtfmEnvironment(TestScenarios.Small()), mode);

    [Test]
    public void Step_NextStepMode_EndingStepThenResetWithZeroRewardIgnoringAction()
    {
        var a = Make(AutoresetMode.NextStep);
        using var env = a.Environment;
        a.Reset(1);
        var end = a.Step(Stop);
        Assert.That((end.Terminated, end.Info["step"], a.ResetsOnNextStep), Is.EqualTo((true, 1, true)));
        Assert.That(end.Info, Does.Not.ContainKey(Autoreset.FinalObsKey));
        var first = a.Step(99L); // ignored, even outside the action space
        Assert.That((first.Reward, first.Terminated, first.Truncated, first.Info["step"]), Is.EqualTo((0.0, false, false, 0)));
        Assert.That(a.Step(0L).Info["step"], Is.EqualTo(1));
    }

    [Test]
    public void Step_SameStepMode_ResetObservationAndInfoWithFinalObsAndFinalInfo()
    {
        var a = Make(AutoresetMode.SameStep);
        using var env = a.Environment;
        using var twin = new RtfmEnvironment(TestScenarios.Small());
        a.Reset(1);
        twin.Reset(1);
        var end = a.Step(Stop);
        var twinEnd = twin.Step(Stop);
        var twinFirst = twin.Reset();
        Assert.That((end.Reward, end.Terminated, end.Truncated), Is.EqualTo((twinEnd.Reward, true, false)), "the ending step's own figures");
        Assert.That(EnvChecker.SameValue(end.Observation, twinFirst.Observation), Is.True, "the new episode's first observation");
        Assert.That(EnvChecker.SameValue(end.Info[Autoreset.FinalObsKey], twinEnd.Observation), Is.True, "final_obs");
        var finalInfo = (IReadOnlyDictionary<string, object?>)end.Info[Autoreset.FinalInfoKey]!;
        Assert.That((finalInfo["step"], finalInfo["success"]), Is.EqualTo((twinEnd.Info["step"], twinEnd.Info["success"])), "final_info");
        Assert.That(end.Info.Keys.Except([Autoreset.FinalObsKey, Autoreset.FinalInfoKey]), Is.EquivalentTo(twinFirst.Info.Keys), "the reset's info at the top");
        Assert.That((end.Info["step"], end.Info["episode_seed"]), Is.EqualTo((0, twinFirst.Info["episode_seed"])));
        Assert.That(a.EpisodeEnded, Is.False);
    }

    [TestCase(AutoresetMode.Disabled)]
    [TestCase(AutoresetMode.SameStep)]
    public void Step_EndedWithoutAutoresetThenModeOtherThanNextStep_StateErrorUntilReset(AutoresetMode mode)
    {
        var a = Make(AutoresetMode.Disabled);
        using var env = a.Environment;
        a.Reset(1);
        Assert.That(a.Step(Stop).Terminated, Is.True);
        Assert.Throws<EnvironmentStateException>(() => a.Step(0L, mode));
        a.Reset();
        Assert.That(a.Step(0L, mode).Info["step"], Is.EqualTo(1));
    }

    [Test]
    public void Reset_Refused_EndedFlagKept()
    {
        var a = Make(AutoresetMode.NextStep);
        using var env = a.Environment;
        a.Reset(1);
        a.Step(Stop);
        Assert.Throws<ArgumentException>(() => a.Reset(1, new Dictionary<string, object> { ["start"] = new[] { 1.0 } }));
        Assert.That(a.ResetsOnNextStep, Is.True);
    }

    [Test]
    public void Resynchronize_EpisodeOver_NextStepResets()
    {
        var a = Make(AutoresetMode.NextStep);
        using var env = a.Environment;
        a.Reset(1);
        a.Resynchronize(episodeOver: true);
        Assert.That(a.Step(0L).Info["step"], Is.EqualTo(0));
    }
}
