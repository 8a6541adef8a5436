using System.CommandLine;
using System.Text.Json.Nodes;
using RtfmGym.Cli.Output;
using RtfmGym.Env.Scenarios;
using RtfmGym.Model;
using RtfmGym.Model.Benchmarks;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Sampling;
using RtfmGym.Torch;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym bench model [--checkpoint DIR] [--json] [--frames N] [--device cpu|cuda]</c>: frame-model latency at
/// 64x64 and 128x128 with 8 context frames and 4 and 1 denoising steps (context encoding, each step, decode,
/// frames/s), generated frames/s when the model draws the frames of 1, 8 and 32 environments per call (64x64, side
/// by side), and env steps/s of the default scenario with the learned model beside the ground truth, on the
/// machine named. Without --checkpoint: the shipped models/small, else an untrained small model (the work, and so
/// the timing, does not depend on the weights). A benchmark, not a test: figures go in BENCHMARKS.md.
/// </summary>
public static class BenchModelCommand
{
    /// <summary>The <c>bench model</c> subcommand with its options, for <see cref="BenchCommand"/>.</summary>
    public static Command Create()
    {
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint directory. Default: models/small if shipped, else an untrained small model (same timing)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var frames = new Option<int>("--frames") { Description = "Frames generated per measurement (and env steps with the model).", DefaultValueFactory = _ => 20 };
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads") { Description = $"libtorch intra-op threads. Default: ${torch.ThreadsVariable} if set, else 1 (what `rtfmgym run` uses for the model)." };
        var scenario = new Option<string>("--scenario") { Description = "Scenario of the env steps/s figure.", DefaultValueFactory = _ => ScenarioResolver.DefaultScenario };
        var cmd = new Command("model", "Measure frame-model latency (encode, each denoising step, decode) and env steps/s with the model vs ground truth.")
        {
            checkpoint, json, frames, device, scenario, threads,
        };
        cmd.SetAction(pr => Run(pr.GetValue(checkpoint), pr.GetValue(json), pr.GetValue(frames), pr.GetValue(device)!, pr.GetValue(scenario)!, pr.GetValue(threads)));
        return cmd;
    }

    internal static int Run(string? checkpoint, bool json, int frames, string deviceName, string scenarioName, int? threads)
    {
        var options = new FrameModelBenchmarkOptions { Frames = frames }.Validate();
        Device device = ModelTrainCommand.ParseDevice(deviceName);
        Scenario scenario = ScenarioResolver.Load(scenarioName);
        torch.set_num_threads(ModelFrames.ThreadCount(threads));
        checkpoint ??= ShippedCheckpoint();
        using FrameModel model = checkpoint is null ? FrameModel.Create(FrameModelConfig.Small, 0, device) : ModelCheckpoint.Load(checkpoint, device);
        JsonObject doc = Header(model, checkpoint, device, options);
        var generation = new JsonObject();
        EnvironmentTiming env = null!;
        IReadOnlyList<BatchedTiming> batched = [];
        Consoles.Err.Status().Start("frame model latency ...", ctx =>
        {
            FrameModelBenchmark.Run(model, options, t =>
            {
                generation[BenchModelJson.Key(t)] = BenchModelJson.Generation(t);
                ctx.Status(Markup.Escape($"frame model latency ... {t.Size}px, {t.SamplerSteps} steps: {t.FramesPerSecond:0.#} frames/s"));
            });
            ctx.Status(Markup.Escape($"frame model, batched: {string.Join(", ", options.BatchEnvs)} environments per call ..."));
            batched = FrameModelBenchmark.RunBatched(model, options, SamplerSettings.Default);
            ctx.Status(Markup.Escape($"env steps/s on {scenario.Name} (learned model vs ground truth) ..."));
            env = EnvironmentBenchmark.Run(scenario, model, frames, Math.Max(100, 20 * frames), SamplerSettings.Default);
        });
        doc["generation"] = generation;
        doc["batched"] = BenchModelJson.Batched(batched, options.BatchSize);
        doc["environment"] = BenchModelJson.Environment(env);
        BenchCommand.Print(doc, json);
        return 0;
    }

    /// <summary>The document's header: machine, commit, device, threads and the model measured.</summary>
    private static JsonObject Header(FrameModel model, string? checkpoint, Device device, FrameModelBenchmarkOptions options) => new()
    {
        ["machine"] = Machine.Describe(),
        ["commit"] = Machine.Commit(),
        ["device"] = device.ToString(),
        ["torch_threads"] = torch.get_num_threads(),
        ["model"] = new JsonObject
        {
            ["weights"] = checkpoint ?? "untrained small model (no --checkpoint and no shipped models/small; timing does not depend on the weights)",
            ["preset"] = model.Config.Preset,
            ["parameters"] = model.ParameterCount,
            ["context_frames"] = options.ContextFrames,
        },
    };

    /// <summary>The shipped checkpoint (<see cref="ModelFrames.DefaultCheckpoint"/>) when it is there, else null.</summary>
    private static string? ShippedCheckpoint()
    {
        string dir = ModelFrames.DefaultCheckpoint();
        return File.Exists(Path.Combine(dir, ModelCheckpoint.ConfigFile)) ? dir : null;
    }
}
