using System.Text.Json.Nodes;

namespace RtfmGym.Cli.Tests.Commands;

public class BenchModelCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-bench-model-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void BenchModel_TinyCheckpointJson_LatencySplitAndEnvRates()
    {
        string checkpoint = ModelEvalCommandTests.TinyCheckpoint(_dir);
        var r = CliRunner.Run(_dir, "bench", "model", "--checkpoint", checkpoint, "--json", "--frames", "1");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        Assert.That(doc["machine"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(doc["model"]!["weights"]!.GetValue<string>(), Is.EqualTo(checkpoint));
        JsonObject generation = doc["generation"]!.AsObject();
        Assert.That(generation.Select(kv => kv.Key), Is.EqualTo(new[] { "64px_4_steps", "64px_1_steps", "128px_4_steps", "128px_1_steps" }));
        Assert.That(generation["64px_4_steps"]!["step_ms"]!.AsArray(), Has.Count.EqualTo(4));
        Assert.That(generation["128px_1_steps"]!["encode_context_frame_ms"]!.GetValue<double>(), Is.GreaterThan(0));
        JsonArray batched = doc["batched"]!.AsArray();
        Assert.That(batched.Select(b => b!["envs"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 8, 32 }));
        Assert.That(batched.All(b => b!["frames_per_s"]!.GetValue<double>() > 0), Is.True);
        Assert.That(batched[0]!["speedup_over_one"]!.GetValue<double>(), Is.EqualTo(1.0));
        JsonNode env = doc["environment"]!;
        Assert.That(env["scenario"]!.GetValue<string>(), Is.EqualTo("pointnav-apartment"));
        Assert.That(env["steps_per_s_model"]!.GetValue<double>(), Is.GreaterThan(0));
        Assert.That(env["steps_per_s_ground_truth"]!.GetValue<double>(), Is.GreaterThan(0));
    }

    [Test]
    public void BenchModel_MissingCheckpoint_ExitsTwoNamingIt()
    {
        var r = CliRunner.Run(_dir, "bench", "model", "--checkpoint", "nowhere");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain("No frame-model checkpoint at 'nowhere'"));
    }

    [Test]
    public void BenchModel_UnknownDevice_ExitsTwo()
    {
        var r = CliRunner.Run(_dir, "bench", "model", "--device", "tpu");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain("unknown device 'tpu'"));
    }

    [Test]
    public void Help_ModelVerbs_Answer()
    {
        foreach (string[] verb in new[] { new[] { "model", "eval" }, new[] { "bench", "model" } })
        {
            var r = CliRunner.Run(_dir, [.. verb, "--help"]);
            Assert.That(r.ExitCode, Is.EqualTo(0), string.Join(' ', verb));
            Assert.That(r.Out, Does.Contain("--checkpoint"), string.Join(' ', verb));
        }
    }
}
