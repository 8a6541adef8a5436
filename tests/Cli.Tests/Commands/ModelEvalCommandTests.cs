using System.Text.Json.Nodes;
using RtfmGym.Model;
using RtfmGym.Model.Checkpoints;

namespace RtfmGym.Cli.Tests.Commands;

public class ModelEvalCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-model-eval-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    /// <summary>An untrained tiny model saved as a checkpoint: the verbs' work does not depend on the weights.</summary>
    internal static string TinyCheckpoint(string dir)
    {
        string path = Path.Combine(dir, "tiny");
        using var model = FrameModel.Create(FrameModelConfig.Tiny, seed: 1);
        ModelCheckpoint.Save(model, path, training: null);
        return path;
    }

    [Test]
    public void Eval_TinyCheckpointJson_TableOfKindsAndViewsDriftAndFiles()
    {
        string checkpoint = TinyCheckpoint(_dir);
        var r = CliRunner.Run(_dir, "model", "eval", "--checkpoint", checkpoint, "--json", "--samples", "1", "--drift-steps", "2", "--out-and-back-steps", "2", "--sampler-steps", "1", "--out", "eval",
            "--drift-capture", "2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        Assert.That(doc["preset"]!.GetValue<string>(), Is.EqualTo("tiny"));
        Assert.That(doc["sampler_steps"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(doc["samples_per_cell"]!.GetValue<int>(), Is.EqualTo(1));
        JsonArray cells = doc["cells"]!.AsArray();
        Assert.That(cells.Select(c => $"{c!["kind"]} {c["views"]}"), Is.EqualTo(new[]
        {
            "copy 1", "copy 2", "copy 4", "copy 8",
            "interpolation 1", "interpolation 2", "interpolation 4", "interpolation 8",
            "extrapolation 1", "extrapolation 2", "extrapolation 4", "extrapolation 8",
            "trajectory 1", "trajectory 2", "trajectory 4", "trajectory 8",
        }));
        foreach (string key in new[] { "model_psnr", "model_ssim", "nearest_psnr", "nearest_ssim", "model_gmr", "truth_seam_ratio", "oracle_psnr", "oracle_covered" })
            Assert.That(cells[0]![key]!.GetValue<double>(), Is.GreaterThan(-1), key);
        // An untrained model draws flat frames: nothing changes inside a block, so their seam ratio is undefined, written as null.
        Assert.That(cells[0]!.AsObject().ContainsKey("model_seam_ratio"), Is.True);
        JsonNode drift = doc["drift"]!;
        Assert.That(drift["steps"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(drift["points"]!.AsArray().Select(p => p!["step"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(drift["per_step_psnr"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(drift["collapsed_frames"]!.GetValue<int>(), Is.InRange(0, 2));
        Assert.That(drift["reference_mean_lag_steps"]!.GetValue<double>(), Is.InRange(0, 2));
        Assert.That(doc["out_and_back"]!["outbound_steps"]!.GetValue<int>(), Is.EqualTo(2));
        JsonObject summary = doc["summary"]!.AsObject();
        Assert.That(doc.AsObject().Last().Key, Is.EqualTo("summary"), "the document ends with the summary");
        foreach (string key in new[] { "copy_psnr", "interp4_psnr", "interp4_ssim", "interp4_gmr", "interp4_fine_r2", "interp4_seam_ratio", "traj4_psnr",
                     "extrap4_psnr", "extrap4_gmr", "drift_mean_gap_db", "drift_max_gap_db", "drift_collapsed_frames", "out_and_back_return_gap_db", "drift_mean_lag_steps", "interp4_oracle_psnr", "traj4_oracle_psnr", "drift_mean_psnr", "drift_reference_lag_steps", "drift_depth_abs_rel", "drift_step1_depth_abs_rel", "drift_reference_depth_abs_rel", "traj4_depth_abs_rel", "traj4_nearest_depth_abs_rel",
                     "drift_capture_mean_psnr", "drift_capture_mean_gap_db", "drift_capture_max_gap_db", "drift_capture_collapsed_frames", "drift_capture_mean_gmr", "drift_capture_views" })
            Assert.That(summary.ContainsKey(key), Is.True, key);
        Assert.That(doc["drift_capture"]!["spacing_metres"]!.GetValue<double>(), Is.EqualTo(2));
        Assert.That(doc["drift_capture"]!["drift"]!["steps"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(summary["drift_capture_views"]!.GetValue<int>(), Is.EqualTo(doc["drift_capture"]!["views"]!.GetValue<int>()).And.GreaterThan(0));
        Assert.That(summary["interp4_psnr"]!.GetValue<double>(), Is.EqualTo(cells[6]!["model_psnr"]!.GetValue<double>()));
        Assert.That(File.Exists(Path.Combine(_dir, "eval", "comparison.png")), Is.True);
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "eval", "eval.json")))!["cells"]!.AsArray(), Has.Count.EqualTo(16));
    }

    [Test]
    public void Eval_Table_PrintsKindsAndDrift()
    {
        string checkpoint = TinyCheckpoint(_dir);
        var r = CliRunner.Run(_dir, "model", "eval", "--checkpoint", checkpoint, "--samples", "1", "--drift-steps", "1", "--out-and-back-steps", "2", "--sampler-steps", "1", "--out", "eval",
            "--drift-capture", "2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(r.Out, Does.Contain("drift with the world's capture in memory"));
        Assert.That(r.Out, Does.Contain("extrapolation").And.Contain("trajectory (last k)").And.Contain("nearest PSNR").And.Contain("drift")
            .And.Contain("GMR").And.Contain("fineR²").And.Contain("out and back").And.Contain("collapsed").And.Contain("oracle PSNR"));
    }

    [Test]
    public void Eval_CopyReadingOnly_ReportNamesTheDiagnostic()
    {
        string path = Path.Combine(_dir, "tiny-copy");
        using (var model = FrameModel.Create(FrameModelConfig.Tiny with { PointerStride = 4 }, seed: 1)) ModelCheckpoint.Save(model, path, training: null);
        var r = CliRunner.Run(_dir, "model", "eval", "--checkpoint", path, "--json", "--samples", "1", "--drift-steps", "1", "--out-and-back-steps", "0", "--sampler-steps", "1", "--out", "eval", "--copy-reading-only");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(JsonNode.Parse(r.Out)!["checkpoint"]!.GetValue<string>(), Is.EqualTo(path + " (copy path's reading alone)"));
    }

    [Test]
    public void Eval_CopyReadingOnlyWithoutCopyPath_ExitsTwoNamingTheFlag()
    {
        var r = CliRunner.Run(_dir, "model", "eval", "--checkpoint", TinyCheckpoint(_dir), "--copy-reading-only");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain("--copy-reading-only needs a model with the copy path").And.Contain("--copy-stride"));
    }

    [Test]
    public void Eval_MissingCheckpoint_ExitsTwoNamingIt()
    {
        var r = CliRunner.Run(_dir, "model", "eval", "--checkpoint", "no-such-dir");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain("No frame-model checkpoint at 'no-such-dir'"));
    }

    [Test]
    public void Eval_FolderWithoutConfig_ExitsTwoSayingWhatIsMissing()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        var r = CliRunner.Run(_dir, "model", "eval", "--checkpoint", "empty");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain("config.json is missing"));
    }

    [TestCase("--samples", "0", "Samples per cell")]
    [TestCase("--sampler-steps", "0", "Sampling steps")]
    [TestCase("--drift-steps", "-3", "Drift steps")]
    [TestCase("--threads", "0", "--threads must be at least 1")]
    [TestCase("--drift-capture", "0.1", "--drift-capture takes 'none' or the metres")]
    [TestCase("--drift-capture", "everywhere", "'everywhere' is neither")]
    public void Eval_BadNumber_ExitsTwoNamingOption(string option, string value, string message)
    {
        string checkpoint = TinyCheckpoint(_dir);
        var r = CliRunner.Run(_dir, "model", "eval", "--checkpoint", checkpoint, option, value);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain(message));
    }
}
