using System.CommandLine;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;
using RtfmGym.Evaluation;
using RtfmGym.Evaluation.Model;
using RtfmGym.Model;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Sampling;
using RtfmGym.Torch;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym model eval --checkpoint DIR [--json] [--samples N] [--sampler-steps S] [--out DIR] [--drift-steps N] [--device D]</c>:
/// fidelity of a frame-model checkpoint on held-out worlds (<see cref="ModelEvaluator"/>: PSNR and SSIM by kind and context
/// views, beside the nearest-frame copy; the sliding-window trajectory split; drift of an autoregressive rollout), a table or one
/// JSON document, and in --out the same document (eval.json) and a comparison image (comparison.png).
/// </summary>
public static class ModelEvalCommand
{
    /// <summary>The <c>model eval</c> subcommand with its options, for <see cref="ModelCommand"/>.</summary>
    public static Command Create()
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint directory (config.json and model.safetensors).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables." };
        var samples = new Option<int>("--samples") { Description = "Held-out samples per (kind, views) row.", DefaultValueFactory = _ => 24 };
        var steps = new Option<int>("--sampler-steps") { Description = "Denoising steps per generated frame.", DefaultValueFactory = _ => SamplerSettings.DefaultSteps };
        var outDir = new Option<string>("--out") { Description = "Folder for eval.json and comparison.png.", DefaultValueFactory = _ => Path.Combine("runs", "model-eval") };
        var drift = new Option<int>("--drift-steps") { Description = "Steps of the drift rollout (0 skips it).", DefaultValueFactory = _ => 200 };
        var outAndBack = new Option<int>("--out-and-back-steps") { Description = "Steps out of the out-and-back walk (it returns as many; 0 skips it).", DefaultValueFactory = _ => 60 };
        var driftCapture = new Option<string>("--drift-capture")
        {
            Description = "Metres between the ground-truth views of the drift world's capture, walked again after the rollout with them in memory (the environment's reconstruction mode), or 'none'.",
            DefaultValueFactory = _ => FormattableString.Invariant($"{CaptureSettings.DefaultSpacing}"),
        };
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads")
        {
            Description = $"libtorch intra-op threads. Default: ${torch.ThreadsVariable} if set, else 1 (one frame's small products gain little from more, and lose up to 10x when the cores are shared, e.g. with a training run).",
        };
        var readingOnly = new Option<bool>("--copy-reading-only")
        {
            Description = "Diagnostic for models with the copy path: open its gate fully, so every frame is what the path reads, alone. The report names the checkpoint with this suffix.",
        };
        var cmd = new Command("eval", "Fidelity of a frame model on held-out worlds: PSNR/SSIM vs ground truth beside the nearest-frame copy, and drift of a rollout.")
        {
            checkpoint, json, samples, steps, outDir, drift, outAndBack, driftCapture, device, threads, readingOnly,
        };
        cmd.SetAction(pr => Run(pr.GetValue(checkpoint)!, pr.GetValue(outDir)!, pr.GetValue(json), pr.GetValue(device)!, pr.GetValue(threads), new ModelEvalOptions
        {
            SamplesPerCell = pr.GetValue(samples),
            Sampler = new SamplerSettings(pr.GetValue(steps)),
            DriftSteps = pr.GetValue(drift),
            OutAndBackSteps = pr.GetValue(outAndBack),
            DriftCapture = CaptureArgument.Parse(pr.GetValue(driftCapture)!, "--drift-capture"),
        }, pr.GetValue(readingOnly)));
        return cmd;
    }

    /// <summary>What a report calls a checkpoint evaluated with <c>--copy-reading-only</c>: its path and this.</summary>
    internal const string ReadingOnlySuffix = " (copy path's reading alone)";

    internal static int Run(string checkpoint, string outDir, bool json, string deviceName, int? threads, ModelEvalOptions options, bool readingOnly = false)
    {
        options = (options with { ImagePath = Path.Combine(outDir, "comparison.png") }).Validate();
        Device device = ModelTrainCommand.ParseDevice(deviceName);
        var (_, training) = ModelCheckpoint.ReadConfig(checkpoint);
        torch.set_num_threads(ModelFrames.ThreadCount(threads));
        using FrameModel model = ModelCheckpoint.Load(checkpoint, device);
        if (readingOnly)
        {
            if (model.Config.PointerStride == 0) throw new RtfmGymException($"--copy-reading-only needs a model with the copy path; {checkpoint} has none (train one with --copy-stride 2).");
            model.OpenCopyGate();
            checkpoint += ReadingOnlySuffix;
        }
        ModelEvalResult result = EvaluationProgressBars.Run(keep: false, progress => ModelEvaluator.Run(model, options, progress));
        var provenance = new RunProvenance(Machine.Describe(), Machine.Commit());
        string evalFile = Path.Combine(outDir, "eval.json");
        string doc = EvaluationJson.Write(evalFile, ModelEvalDocument.Build(result, checkpoint, training, device.ToString(), torch.get_num_threads(), provenance));
        if (json)
        {
            Console.Out.WriteLine(doc);
            return 0;
        }
        ModelEvalTables.Print(result, checkpoint, training);
        Consoles.Out.MarkupLine($"wrote [link]{Markup.Escape(evalFile)}[/] and [link]{Markup.Escape(options.ImagePath!)}[/]");
        return 0;
    }
}
