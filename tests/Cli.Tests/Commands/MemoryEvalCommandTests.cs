using System.Text.Json.Nodes;
using RtfmGym.Evaluation.Memory;

namespace RtfmGym.Cli.Tests.Commands;

public class MemoryEvalCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-memeval-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void MemoryEval_SmallRun_JsonHasEveryFigureAndPictureIsWritten()
    {
        var r = CliRunner.Run(_dir, "memory-eval", "--steps", "120", "--gaps", "32,8,500", "--json", "--out", "out");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        Assert.That(doc["frames"]!.GetValue<string>(), Is.EqualTo("ground-truth"));
        Assert.That(doc["capture_views"]!.GetValue<int>(), Is.Zero, "the ground truth draws nothing from memory, so the scenario's capture is not taken");

        var gaps = doc["revisit"]!["gaps"]!.AsArray();
        Assert.That(gaps.Select(g => g!["gap"]!.GetValue<int>()), Is.EqualTo(new[] { 8, 32 }), "ascending; 500 > --steps is skipped");
        foreach (JsonNode? g in gaps)
        {
            foreach (string memory in new[] { "fov-coverage", "sliding-window" })
            {
                JsonNode m = g!["memories"]![memory]!;
                // Ground-truth frames depend only on the pose: the return frame is the first visit's, bit for bit.
                Assert.That(m["identical_to_first_visit"]!.GetValue<bool>(), Is.True, $"gap {g["gap"]} {memory}");
                Assert.That(m["identical_to_ground_truth"]!.GetValue<bool>(), Is.True);
                Assert.That(m["psnr_vs_first_visit_db"], Is.Null);
                Assert.That(m["gmr_vs_ground_truth"]!.GetValue<double>(), Is.EqualTo(1.0), "the ground truth has exactly its own sharpness");
                Assert.That(m["context_steps"]!.AsArray(), Has.Count.InRange(1, 8));
            }
        }
        // After 32 steps the window holds only the last 8 frames; the spatial memory still holds the first visit's surroundings.
        JsonNode longest = gaps[1]!["memories"]!;
        Assert.That(longest["sliding-window"]!["oldest_context_age"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(longest["fov-coverage"]!["context_steps"]!.AsArray().Min(x => x!.GetValue<int>()), Is.LessThanOrEqualTo(0));
        Assert.That(doc["revisit"]!["skipped_gaps"]![0]!["gap"]!.GetValue<int>(), Is.EqualTo(500));
        Assert.That(r.Err, Does.Contain("gap 500 skipped"));

        JsonNode rules = doc["retrieval"]!["rules"]!;
        foreach (string rule in new[] { "fov-coverage", "nearest-pose", "sliding-window" })
            Assert.That(rules[rule]!["recall_at_4"]!.GetValue<double>(), Is.InRange(0.0, 1.0), rule);
        Assert.That(doc["retrieval"]!["targets"]!.GetValue<int>(), Is.GreaterThan(50));

        var checkpoints = doc["cost"]!["checkpoints"]!.AsArray();
        Assert.That(checkpoints.Select(c => c!["step"]!.GetValue<int>()), Is.EqualTo(new[] { 10, 100, 120 }));
        Assert.That(checkpoints.Select(c => c!["window_steps"]!.GetValue<int>()), Is.EqualTo(new[] { 10, 50, 50 }));
        Assert.That(checkpoints.Select(c => c!["bank_size"]!.GetValue<int>()), Is.Ordered.And.All.GreaterThan(0));
        Assert.That(checkpoints.All(c => c!["p95_ms"]!.GetValue<double>() >= c["p50_ms"]!.GetValue<double>()), Is.True);
        // The retrieval is part of the step; by step 100 every step retrieves, so it takes some time.
        Assert.That(checkpoints.All(c => c!["retrieval_p50_ms"]!.GetValue<double>() <= c["p50_ms"]!.GetValue<double>()), Is.True);
        Assert.That(checkpoints.Skip(1).All(c => c!["retrieval_p50_ms"]!.GetValue<double>() > 0), Is.True);
        // So is the frame source's rendering, which every step does.
        Assert.That(checkpoints.All(c => c!["render_p50_ms"]!.GetValue<double>() is > 0 and var r && r <= c["p50_ms"]!.GetValue<double>()), Is.True);
        Assert.That(doc["cost"]!["timing_runs"]!.GetValue<int>(), Is.EqualTo(MemoryEvalOptions.DefaultTimingRuns), "ground-truth frames: the default timing runs");

        string map = doc["map"]!.GetValue<string>();
        Assert.That(map, Is.EqualTo(Path.Combine(_dir, "out", "memory-map.png")));
        Assert.That(File.ReadAllBytes(map)[..8], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }));
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "out", "report.json")))!["steps"]!.GetValue<int>(), Is.EqualTo(120));
        Assert.That(Directory.GetFiles(Path.Combine(_dir, "out")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "memory-map.png", "report.json" }), "no temporary files left");
    }

    [Test]
    public void MemoryEval_ConstantFrames_FinitePsnrAndTablesPrinted()
    {
        // The constant source paints each frame by its step, so the return frame differs from the first visit.
        var r = CliRunner.Run(_dir, "memory-eval", "--frames", "constant", "--steps", "20", "--gaps", "6", "--out", "out", "--timing-runs", "2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(r.Out, Does.Contain("Revisit error vs gap").And.Contain("Retrieval audit").And.Contain("Cost vs episode length"));
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "out", "report.json")))!;
        JsonNode m = doc["revisit"]!["gaps"]![0]!["memories"]!["fov-coverage"]!;
        Assert.That(m["identical_to_first_visit"]!.GetValue<bool>(), Is.False);
        Assert.That(m["psnr_vs_first_visit_db"]!.GetValue<double>(), Is.GreaterThan(0).And.LessThan(100));
        Assert.That(m["gmr_vs_ground_truth"]!.GetValue<double>(), Is.LessThan(0.1), "a constant colour has no edges");
        Assert.That(r.Out, Does.Contain("GMR"));
        Assert.That(doc["cost"]!["timing_runs"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(r.Out, Does.Contain("least of 2 timings"));
    }

    [TestCase("--gaps 0", "a gap of 0 steps is not positive")]
    [TestCase("--gaps -16", "a gap of -16 steps is not positive")]
    [TestCase("--gaps 16,x", "'x' is not a whole number")]
    [TestCase("--steps -5", "--steps -5 is not a positive number")]
    [TestCase("--steps 0", "--steps 0 is not a positive number")]
    [TestCase("--timing-runs 0", "--timing-runs 0 is not a positive number of runs")]
    [TestCase("--frames nope", "Unknown frame source 'nope'")]
    [TestCase("--checkpoint nowhere", "rtfmgym: error:")]
    [TestCase("--capture 0.1", "--capture takes 'none' or the metres between capture views")]
    public void MemoryEval_BadOption_ExitsTwoWithMessage(string options, string message)
    {
        var r = CliRunner.Run(_dir, ["memory-eval", .. options.Split(' '), "--out", "out"]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain(message));
        Assert.That(Directory.Exists(Path.Combine(_dir, "out")), Is.False, "nothing written");
    }

    [Test]
    public void Run_MemoryOutThenIn_RemembersTheWorldAndRefusesAnotherWorld()
    {
        var first = CliRunner.Run(_dir, "run", "--no-frames", "--frames", "constant", "--out", "a", "--memory-out", "apartment.mem");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Err);
        Assert.That(first.Out, Does.Contain("wrote memory").And.Contain("world seed 7"));

        var second = CliRunner.Run(_dir, "run", "--no-frames", "--frames", "constant", "--out", "b", "--memory-in", "apartment.mem", "--json");
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Err);
        var doc = JsonNode.Parse(second.Out)!;
        Assert.That(doc["memory_in"]!.GetValue<string>(), Is.EqualTo(Path.Combine(_dir, "apartment.mem")));

        var other = CliRunner.Run(_dir, "run", "explore-house", "--no-frames", "--out", "c", "--memory-in", "apartment.mem");
        Assert.That(other.ExitCode, Is.EqualTo(2));
        Assert.That(other.Err, Does.Contain("world seed 7").And.Contain("world seed 21"));

        var corrupt = Path.Combine(_dir, "bad.mem");
        File.WriteAllBytes(corrupt, File.ReadAllBytes(Path.Combine(_dir, "apartment.mem"))[..100]);
        var refused = CliRunner.Run(_dir, "run", "--no-frames", "--out", "d", "--memory-in", "bad.mem");
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Err, Does.Contain("bad.mem").And.Contain("refused"));
    }
}
