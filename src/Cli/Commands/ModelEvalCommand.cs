using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RtfmGym.Cli.Output;
using RtfmGym.Env.IO;
using RtfmGym.Model;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Evaluation;
using RtfmGym.Model.Sampling;
using RtfmGym.Torch;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym model eval --checkpoint DIR [--json] [--samples N] [--sampler-steps S] [--out DIR] [--drift-steps N] [--device D]</c>:
/// fidelity of a frame-model checkpoint on held-out worlds (PSNR and SSIM by kind and context views, beside the
/// nearest-frame copy; the sliding-window trajectory split; drift of an autoregressive rollout), a table or one
/// JSON document, and in --out the same document (eval.json) and a comparison image (comparison.png).
/// </summary>
public static class ModelEvalCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
    };

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
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads")
        {
            Description = $"libtorch intra-op threads. Default: ${torch.ThreadsVariable} if set, else 1 (one frame's small products gain little from more, and lose up to 10x when the cores are shared, e.g. with a training run).",
        };
        var cmd = new Command("eval", "Fidelity of a frame model on held-out worlds: PSNR/SSIM vs ground truth beside the nearest-frame copy, and drift of a rollout.")
        {
            checkpoint, json, samples, steps, outDir, drift, outAndBack, device, threads,
        };
        cmd.SetAction(pr => Run(pr.GetValue(checkpoint)!, pr.GetValue(outDir)!, pr.GetValue(json), pr.GetValue(device)!, pr.GetValue(threads), new ModelEvalOptions
        {
            SamplesPerCell = pr.GetValue(samples),
            Sampler = new SamplerSettings(pr.GetValue(steps)),
            DriftSteps = pr.GetValue(drift),
            OutAndBackSteps = pr.GetValue(outAndBack),
        }));
        return cmd;
    }

    internal static int Run(string checkpoint, string outDir, bool json, string deviceName, int? threads, ModelEvalOptions options)
    {
        options = (options with { ImagePath = Path.Combine(outDir, "comparison.png") }).Validate();
        Device device = ModelTrainCommand.ParseDevice(deviceName);
        var (_, training) = ModelCheckpoint.ReadConfig(checkpoint);
        torch.set_num_threads(ModelFrames.ThreadCount(threads));
        using FrameModel model = ModelCheckpoint.Load(checkpoint, device);
        ModelEvalResult result = null!;
        Consoles.Err.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("model eval", maxValue: 1);
                result = ModelEvaluator.Run(model, options, new SynchronousProgress<ModelEvalProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = Markup.Escape(p.Stage);
                }));
            });
        var doc = new JsonObject
        {
            ["checkpoint"] = checkpoint,
            ["trained_steps"] = training?.Steps,
            ["training_loss"] = training?.Loss,
            ["device"] = device.ToString(),
            ["torch_threads"] = torch.get_num_threads(),
            ["machine"] = Machine.Describe(),
            ["commit"] = Machine.Commit(),
        };
        foreach (var (key, value) in JsonSerializer.SerializeToNode(result, Json)!.AsObject().ToArray()) doc[key] = value?.DeepClone();
        AtomicFile.WriteAllText(Path.Combine(outDir, "eval.json"), doc.ToJsonString(Json));
        if (json)
        {
            Console.Out.WriteLine(doc.ToJsonString(Json));
            return 0;
        }
        Print(result, checkpoint, training);
        Consoles.Out.MarkupLine($"wrote [link]{Markup.Escape(Path.Combine(outDir, "eval.json"))}[/] and [link]{Markup.Escape(options.ImagePath!)}[/]");
        return 0;
    }


    private static void Print(ModelEvalResult r, string checkpoint, TrainingSummary? training)
    {
        static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
        string trained = training is null ? "" : $", {training.Steps} steps";
        var table = new Table().Title(Markup.Escape($"{r.Preset} ({checkpoint}{trained}) on {r.Worlds} held-out worlds, {r.ImageSize}px, {r.SamplesPerCell} samples per row, {r.SamplerSteps} sampler steps"));
        foreach (string c in new[] { "kind", "views", "model PSNR", "model SSIM", "GMR", "fineR²", "seams (truth)", "nearest PSNR", "nearest SSIM", "PSNR gain" })
            table.AddColumn(new TableColumn(c).RightAligned());
        foreach (FidelityCell c in r.Cells)
        {
            string kind = c.Kind == Model.Training.SampleKind.Trajectory ? "trajectory (last k)" : ModelEvaluator.Name(c.Kind);
            table.AddRow(kind, c.Views.ToString(CultureInfo.InvariantCulture), F(c.ModelPsnr, "0.00"), F(c.ModelSsim, "0.000"),
                F(c.ModelGmr ?? double.NaN, "0.00"), F(c.ModelFineR2 ?? double.NaN, "0.00"), $"{F(c.ModelSeamRatio ?? double.NaN, "0.0")} ({F(c.TruthSeamRatio ?? double.NaN, "0.0")})",
                F(c.NearestPsnr, "0.00"), F(c.NearestSsim, "0.000"), F(c.ModelPsnr - c.NearestPsnr, "+0.00;-0.00"));
        }
        Consoles.Out.Write(table);
        if (r.Drift is { } d)
        {
            var drift = new Table().Title(Markup.Escape($"drift: {d.Steps} steps ({d.PathMetres:0.#} m), held-out world {d.WorldSeed}, {d.CollapsedFrames} collapsed frames"));
            foreach (string c in new[] { "step", "PSNR", "SSIM", "GMR", "PSNR, ground-truth memory", "GMR, ground-truth memory", "gap dB" }) drift.AddColumn(new TableColumn(c).RightAligned());
            foreach (DriftPoint p in d.Points)
                drift.AddRow(p.Step.ToString(CultureInfo.InvariantCulture), F(p.Psnr, "0.00"), F(p.Ssim, "0.000"), F(p.Gmr, "0.00"),
                    p.GroundTruthContextPsnr is { } g ? F(g, "0.00") : "-", p.GroundTruthContextGmr is { } gg ? F(gg, "0.00") : "-", p.GapDb is { } gap ? F(gap, "+0.00;-0.00") : "-");
            drift.AddRow("mean", F(d.MeanPsnr, "0.00"), F(d.MeanSsim, "0.000"), F(d.MeanGmr, "0.00"), d.MeanGroundTruthContextPsnr is { } m ? F(m, "0.00") : "-", "",
                d.MeanGapDb is { } mg ? $"{F(mg, "+0.00;-0.00")} (max {F(d.MaxGapDb ?? double.NaN, "0.00")})" : "-");
            Consoles.Out.Write(drift);
        }
        if (r.OutAndBack is { } o)
        {
            var table2 = new Table().Title(Markup.Escape($"out and back: {o.OutboundSteps} steps out along the drift path, the same poses back"));
            foreach (string c in new[] { "", "PSNR vs truth", "GMR" }) table2.AddColumn(new TableColumn(c).RightAligned());
            table2.AddRow("outbound", F(o.OutboundPsnr, "0.00"), F(o.OutboundGmr, "0.00"));
            table2.AddRow("return", F(o.ReturnPsnr, "0.00"), F(o.ReturnGmr, "0.00"));
            table2.AddRow("return vs outbound", F(o.ReturnVsOutboundPsnr, "0.00"), "");
            Consoles.Out.Write(table2);
        }
        Consoles.Out.MarkupLine(FormattableString.Invariant($"[grey]PSNR: dB on RGB. SSIM: 11x11 Gaussian (sigma 1.5), mean of RGB channels. GMR: luma gradient vs truth (blur < 1). fineR²: detail inside 8x8 blocks (blur 0, wrong detail < 0). Seams: edges across 8-px block borders / inside. Nearest: least metres + 1 m/rad x turn. Drift: frames fed back into memory; gap = ground-truth-memory PSNR minus it. {r.Seconds:0} s, {torch.get_num_threads()} torch threads[/]"));
    }
}
