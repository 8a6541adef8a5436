using System.Text.Json.Nodes;

namespace RtfmGym.Cli.Tests.Commands;

public class AgentEvalCommandTests : TinyPolicyFixture
{
    [Test]
    public void AgentEval_PolicyOnSuite_JsonHasSuccessSplAndEveryEpisode()
    {
        var r = CliRunner.Run(Dir, "agent", "eval", "--policy", "policy", "--suite", Suite, "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        JsonNode json = JsonNode.Parse(r.Out)!;
        Assert.That(json["success"]!.GetValue<double>(), Is.InRange(0, 1));
        Assert.That(json["spl"]!.GetValue<double>(), Is.InRange(0, 1));
        Assert.That(json["mean_steps"]!.GetValue<double>(), Is.InRange(1, 30));
        Assert.That(json["frames"]!.GetValue<string>(), Is.EqualTo("ground-truth"));
        Assert.That(json["agent"]!.GetValue<string>(), Is.EqualTo("policy:policy"));
        Assert.That(json["per_episode"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public void AgentEval_PolicyWithoutColour_NamedAsSuchAndEvaluated()
    {
        var r = CliRunner.Run(Dir, "agent", "eval", "--agent", "policy-no-rgb:policy", "--suite", Suite, "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(JsonNode.Parse(r.Out)!["agent"]!.GetValue<string>(), Is.EqualTo("policy-no-rgb:policy"));
    }

    [Test]
    public void AgentEval_ScenarioTwice_SameHeldOutWorldsAndFigures()
    {
        string[] args = ["agent", "eval", "--agent", "oracle", "--scenario", "pointnav-apartment", "--episodes", "2", "--seed", "40", "--frames", "constant", "--json"];
        var a = CliRunner.Run(Dir, args);
        var b = CliRunner.Run(Dir, args);
        Assert.That(a.ExitCode, Is.EqualTo(0), a.Err);
        Assert.That(b.Out, Is.EqualTo(a.Out));
        JsonNode json = JsonNode.Parse(a.Out)!;
        Assert.That(json["per_episode"]!.AsArray().Select(e => e!["seed"]!.GetValue<long>()), Is.EqualTo(new long[] { 40, 41 }));
        Assert.That(json["success"]!.GetValue<double>(), Is.EqualTo(1), "the oracle reaches goals in worlds it has never seen");
    }

    [Test]
    public void AgentEval_LearnedFramesFromANamedCheckpoint_Evaluates()
    {
        string checkpoint = Path.Combine(CliRunner.RepoRoot, "models", "small");
        var r = CliRunner.Run(Dir, "agent", "eval", "--policy", "policy", "--suite", Suite, "--frames", "model", "--checkpoint", checkpoint, "--episodes", "1", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(JsonNode.Parse(r.Out)!["frames"]!.GetValue<string>(), Is.EqualTo("model"));
    }

    [TestCase(new string[0], "--policy DIR", TestName = "AgentEval_NoPolicy_ExitTwoAskingForOne")]
    [TestCase(new[] { "--policy", "policy", "--agent", "oracle" }, "not both", TestName = "AgentEval_PolicyAndAgent_ExitTwo")]
    [TestCase(new[] { "--policy", "nowhere" }, "'nowhere' does not exist", TestName = "AgentEval_MissingPolicyFolder_ExitTwoNamingIt")]
    [TestCase(new[] { "--agent", "policy-no-rgb:nowhere" }, "'nowhere' does not exist", TestName = "AgentEval_MissingNoColourPolicyFolder_ExitTwoNamingIt")]
    [TestCase(new[] { "--agent", "oracle", "--seed", "5" }, "fixes its own episodes", TestName = "AgentEval_SeedWithASuite_ExitTwo")]
    [TestCase(new[] { "--agent", "oracle", "--episodes", "0" }, "--episodes", TestName = "AgentEval_NoEpisodes_ExitTwo")]
    [TestCase(new[] { "--agent", "oracle", "--frames", "model", "--checkpoint", "nowhere" }, "nowhere", TestName = "AgentEval_MissingModelCheckpoint_ExitTwo")]
    public void AgentEval_BadInput_ExitTwoWithoutStackTrace(string[] more, string expected)
    {
        var r = CliRunner.Run(Dir, ["agent", "eval", .. more]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.Contain(expected));
        Assert.That(r.Err, Does.Not.Contain("   at "));
    }
}
