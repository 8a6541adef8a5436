using System.Text.Json.Nodes;

namespace RtfmGym.Cli.Tests.Commands;

public class ModelCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-model-cli-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Train_TinyFewSteps_WritesCheckpointLossCurveAndSamples_ThenRunUsesIt()
    {
        var train = CliRunner.Run(_dir, "model", "train", "--preset", "tiny", "--steps", "6", "--batch", "2", "--out", "ckpt", "--checkpoint-every", "3", "--sample-every", "6");
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Err);
        foreach (string file in new[] { "config.json", "model.safetensors", "loss.csv", "loss.png", "samples/latest.png", "train/latest" })
            Assert.That(File.Exists(Path.Combine(_dir, "ckpt", file)), Is.True, file);
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "ckpt", "config.json")))!["training"]!["steps"]!.GetValue<long>(), Is.EqualTo(6));

        // A 32x32 scenario so the tiny model can draw it.
        string scenario = Path.Combine(_dir, "tiny.yaml");
        File.WriteAllText(scenario, "name: tiny\nseed: 1\nmax_steps: 6\nworld: { seed: 3, rooms: 2 }\ncamera: { width: 32, height: 32 }\nobservations: [rgb, pose, goal]\ntask: { kind: pointnav }\n");
        var run = CliRunner.Run(_dir, "run", scenario, "--checkpoint", "ckpt", "--out", "out", "--json", "--agent", "random");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "out", "episode-000", "episode.json")))!;
        Assert.That(record.ToJsonString(), Does.Contain("\"model\""));
        var replay = CliRunner.Run(_dir, "replay", Path.Combine(_dir, "out", "episode-000", "episode.json"), "--checkpoint", "ckpt");
        Assert.That(replay.ExitCode, Is.EqualTo(0), replay.Err);

        // The same world captured: the run says its frames come from the capture, and its record replays bit for bit.
        string captured = Path.Combine(_dir, "captured.yaml");
        File.WriteAllText(captured, File.ReadAllText(scenario).Replace("name: tiny", "name: captured") + "capture: { spacing: 1, headings: 4 }\n");
        var capturedRun = CliRunner.Run(_dir, "run", captured, "--checkpoint", "ckpt", "--out", "cap", "--agent", "random");
        Assert.That(capturedRun.ExitCode, Is.EqualTo(0), capturedRun.Err);
        Assert.That(capturedRun.Out, Does.Contain("from a capture of the world: ground-truth views every 1 m, 4 headings"));
        var capturedReplay = CliRunner.Run(_dir, "replay", Path.Combine(_dir, "cap", "episode-000", "episode.json"), "--checkpoint", "ckpt");
        Assert.That(capturedReplay.ExitCode, Is.EqualTo(0), capturedReplay.Out + capturedReplay.Err);
    }

    [TestCase("model train --preset huge --out x", "Unknown model preset 'huge'")]
    [TestCase("model train --preset tiny --steps 0 --out x", "Steps must be 1")]
    [TestCase("model train --preset tiny --size 36 --out x", "multiples of its patch size")]
    [TestCase("model train --preset tiny --out x --resume", "Nothing to resume")]
    [TestCase("run --checkpoint no-such-dir", "No frame-model checkpoint at 'no-such-dir'")]
    public void Verb_BadModelInput_ExitsTwoWithMessage(string args, string message)
    {
        var r = CliRunner.Run(_dir, args.Split(' '));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain(message));
    }
}
