using System.Text.Json.Nodes;

namespace RtfmGym.Cli.Tests.Commands;

public class FidelityCommandTests : TinyPolicyFixture
{
    [Test]
    public void Fidelity_PolicyAndTwoAgents_BothWorldsCorrelationsAndPlots()
    {
        var r = CliRunner.Run(Dir, "fidelity", "--policies", "policy", "oracle", "random", "--suite", Suite, "--json", "--out", "report");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        JsonNode json = JsonNode.Parse(r.Out)!;
        foreach (string key in new[] { "spearman_success", "pearson_success", "spearman_spl", "pearson_spl" })
            Assert.That(json.AsObject().ContainsKey(key), Is.True, key);
        JsonArray policies = json["policies"]!.AsArray();
        Assert.That(policies.Select(p => p!["policy"]!.GetValue<string>()), Is.EqualTo(new[] { "policy", "oracle", "random" }));
        // The oracle moves on poses, not frames, so it scores the same in both worlds.
        Assert.That(policies[1]!["ground_truth"]!["success"]!.GetValue<double>(), Is.EqualTo(1));
        Assert.That(policies[1]!["learned"]!["success"]!.GetValue<double>(), Is.EqualTo(1));
        Assert.That(json["episodes"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(json["checkpoint"]!.GetValue<string>(), Is.EqualTo("models/small"));
        Assert.That(json["checkpoint_digest"]!.GetValue<string>(), Does.StartWith("sha256:"));
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(Dir, "report", "fidelity.json")))!["policies"]!.AsArray(), Has.Count.EqualTo(3));
        foreach (string png in new[] { "fidelity-success.png", "fidelity-spl.png" })
            Assert.That(File.ReadAllBytes(Path.Combine(Dir, "report", png)).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), png);
    }

    [Test]
    public void Fidelity_Table_NamesEveryPolicyAndTheCorrelations()
    {
        var r = CliRunner.Run(Dir, "fidelity", "--policies", "policy:policy", "oracle", "depth-reactive", "--suite", Suite, "--episodes", "1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(r.Out, Does.Contain("policy:policy").And.Contain("oracle").And.Contain("depth-reactive").And.Contain("Spearman"));
    }

    [TestCase(new[] { "--policies", "policy", "oracle" }, "at least 3", TestName = "Fidelity_TwoPolicies_ExitTwoAskingForThree")]
    [TestCase(new[] { "--policies", "policy", "oracle", "nowhere" }, "'nowhere' does not exist", TestName = "Fidelity_MissingPolicyFolder_ExitTwoNamingIt")]
    [TestCase(new[] { "--policies", "policy", "oracle", "policy" }, "twice", TestName = "Fidelity_PolicyNamedTwice_ExitTwo")]
    [TestCase(new[] { "--policies", "policy", "oracle", "random", "--suite", "pointnav-suite", "--seed", "3" }, "fixes its own episodes", TestName = "Fidelity_SeedWithASuite_ExitTwo")]
    [TestCase(new[] { "--policies", "policy", "oracle", "random", "--checkpoint", "nowhere" }, "nowhere", TestName = "Fidelity_MissingModelCheckpoint_ExitTwo")]
    public void Fidelity_BadInput_ExitTwoWithoutStackTrace(string[] more, string expected)
    {
        var r = CliRunner.Run(Dir, ["fidelity", .. more]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.Contain(expected));
        Assert.That(r.Err, Does.Not.Contain("   at "));
    }
}
