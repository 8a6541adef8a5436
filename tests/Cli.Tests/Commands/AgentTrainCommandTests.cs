using System.Text.Json.Nodes;

namespace RtfmGym.Cli.Tests.Commands;

public class AgentTrainCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-ppo-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Small = ["--frames", "constant", "--envs", "2", "--rollout-steps", "32", "--checkpoint-every", "1"];

    private CliRunner.Result Train(long steps, params string[] more) =>
        CliRunner.Run(_dir, ["agent", "train", "--steps", steps.ToString(), "--out", "policy", .. Small, .. more]);

    [Test]
    public void AgentTrain_SmallRun_PolicyCurveAndAgentThatRunsEvaluatesAndResumes()
    {
        var trained = Train(128);
        Assert.That(trained.ExitCode, Is.EqualTo(0), trained.Err);
        string policy = Path.Combine(_dir, "policy");
        Assert.That(File.Exists(Path.Combine(policy, "policy.json")) && File.Exists(Path.Combine(policy, "policy.safetensors")), Is.True);
        string[] curve = File.ReadAllLines(Path.Combine(policy, "curve.csv"));
        Assert.That(curve, Has.Length.EqualTo(3), "a header and one row per rollout");
        Assert.That(curve[0], Does.StartWith("rollout,steps"));

        var run = CliRunner.Run(_dir, "run", "--agent", "policy:policy", "--frames", "constant", "--no-frames", "--out", "out", "--json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(JsonNode.Parse(run.Out)!["metrics"], Is.Not.Null);
        var replay = CliRunner.Run(_dir, "replay", Path.Combine(_dir, "out", "episode-000", "episode.json"));
        Assert.That(replay.ExitCode, Is.EqualTo(0), replay.Err);

        var eval = CliRunner.Run(_dir, "eval", "pointnav-suite", "--agent", "policy:policy", "--frames", "constant", "--episodes", "2", "--json");
        Assert.That(eval.ExitCode, Is.EqualTo(0), eval.Err);

        Assert.That(Directory.GetDirectories(Path.Combine(policy, "stages")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "step-000000064", "step-000000128" }));
        var curveRun = CliRunner.Run(_dir, "agent", "curve", "--runs", "policy", "--scenario", "pointnav-apartment", "--episodes", "2", "--frames", "constant");
        Assert.That(curveRun.ExitCode, Is.EqualTo(0), curveRun.Err);
        string[] heldOut = File.ReadAllLines(Path.Combine(policy, "held-out-curve.csv"));
        Assert.That(heldOut.Skip(1).Select(l => l.Split(',')[1]), Is.EqualTo(new[] { "64", "128" }), "one row per stage, by steps");
        Assert.That(File.Exists(Path.Combine(policy, "held-out-curve.png")), Is.True);

        var resumed = Train(256, "--resume");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Err);
        Assert.That(File.ReadAllLines(Path.Combine(policy, "curve.csv")), Has.Length.EqualTo(5), "the resumed run adds its two rollouts");
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(policy, "policy.json")))!["steps"]!.GetValue<long>(), Is.EqualTo(256));
    }

    [TestCase(new[] { "--runs", "nowhere" }, "'nowhere' has no stages/", TestName = "AgentCurve_RunWithoutStages_ExitTwoNamingIt")]
    [TestCase(new[] { "--runs", ".", "--every", "0" }, "--every", TestName = "AgentCurve_EveryZero_ExitTwo")]
    public void AgentCurve_BadInput_ExitTwoWithoutStackTrace(string[] args, string expected)
    {
        var r = CliRunner.Run(_dir, ["agent", "curve", .. args]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.Contain(expected));
        Assert.That(r.Err, Does.Not.Contain("   at "));
    }

    [Test]
    public void AgentTrain_LearnedFrames_TrainsOnTheSharedModel()
    {
        var r = CliRunner.Run(_dir, "agent", "train", "--frames", "model", "--steps", "64", "--envs", "2", "--rollout-steps", "16", "--out", "policy");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        string[] curve = File.ReadAllLines(Path.Combine(_dir, "policy", "curve.csv"));
        Assert.That(curve, Has.Length.EqualTo(3));
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "policy", "policy.json")))!["frames"]!.GetValue<string>(), Is.EqualTo("model"));
    }

    [Test]
    public void AgentTrain_OutHoldsAPolicy_RefusedWithoutResume()
    {
        Assert.That(Train(64).ExitCode, Is.EqualTo(0));
        var again = Train(64);
        Assert.That(again.ExitCode, Is.EqualTo(2));
        Assert.That(again.Err, Does.Contain("--resume"));
    }

    [TestCase("--envs", "0", "envs", TestName = "AgentTrain_NoEnvs_ExitTwoNamingEnvs")]
    [TestCase("--lr", "-1", "learning rate", TestName = "AgentTrain_NegativeLearningRate_ExitTwoNamingIt")]
    [TestCase("--scenario", "pointnav-continuous", "discrete", TestName = "AgentTrain_ContinuousActions_ExitTwoAskingForDiscrete")]
    [TestCase("--resume", null, "Nothing to resume", TestName = "AgentTrain_ResumeWithNothingSaved_ExitTwo")]
    public void AgentTrain_BadInput_ExitTwoWithoutStackTrace(string option, string? value, string expected)
    {
        string[] args = ["agent", "train", "--steps", "64", "--out", "policy", "--frames", "constant", option];
        var r = CliRunner.Run(_dir, value is null ? args : [.. args, value]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.Contain(expected));
        Assert.That(r.Err, Does.Not.Contain("   at "));
    }

    [Test]
    public void Run_MissingPolicy_ExitTwoSayingHowToTrainOne()
    {
        var r = CliRunner.Run(_dir, "run", "--agent", "policy:nowhere", "--frames", "constant", "--no-frames", "--out", "out");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("agent train"));
    }
}
