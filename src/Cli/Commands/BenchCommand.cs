using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Rendering;
using RtfmGym.Model.Benchmarks;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym bench [--json]</c>: ground-truth frames/s at 64x64 and 128x128 (one thread and
/// all), and env steps/s of one environment on one core with the ground-truth renderer and
/// with the trivial constant source. A benchmark, not a test: figures go in BENCHMARKS.md.
/// </summary>
public static class BenchCommand
{
    /// <summary>The <c>bench</c> command with its options and its <c>bridge</c>, <c>torch</c> and <c>model</c> subcommands.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var steps = new Option<int>("--steps") { Description = "Env steps per measurement.", DefaultValueFactory = _ => 2000 };
        var cmd = new Command("bench", "Measure renderer frames/s and env steps/s (figures for BENCHMARKS.md).") { json, steps };
        cmd.SetAction(pr => Run(pr.GetValue(json), pr.GetValue(steps)));
        cmd.Subcommands.Add(BenchBridgeCommand.Create());
        cmd.Subcommands.Add(TorchCommand());
        cmd.Subcommands.Add(BenchModelCommand.Create());
        return cmd;
    }

    internal static int Run(bool json, int steps)
    {
        if (steps < 10) throw new ArgumentException("--steps must be at least 10.");
        var doc = new JsonObject { ["machine"] = Machine.Describe(), ["commit"] = Machine.Commit() };
        Consoles.Err.Status().Start("renderer frames/s ...", ctx =>
        {
            RendererBenchmarkResult r = RendererBenchmark.Run();
            doc["renderer"] = JsonSerializer.SerializeToNode(r);
            ctx.Status("env steps/s (ground truth, one core) ...");
            doc["env_steps_per_s_ground_truth_64_one_core"] = EnvStepsPerSecond("ground-truth", steps, threads: 1);
            ctx.Status("env steps/s (constant frames) ...");
            doc["env_steps_per_s_constant_64"] = EnvStepsPerSecond("constant", steps, threads: 1);
        });
        Print(doc, json);
        return 0;
    }

    private static Command TorchCommand()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var cmd = new Command("torch", "Binding overhead of one tiny op and 1024x1024 matmul GFLOP/s, through the C# binding beside the same loop in C++.") { json };
        cmd.SetAction(pr =>
        {
            var doc = new JsonObject { ["machine"] = Machine.Describe(), ["commit"] = Machine.Commit() };
            Consoles.Err.Status().Start("torch binding benchmark ...", _ => doc["torch"] = JsonSerializer.SerializeToNode(Torch.Benchmarks.TorchBenchmark.Run()));
            Print(doc, pr.GetValue(json));
            return 0;
        });
        return cmd;
    }

    /// <summary>Prints a benchmark document as JSON or as a flat table of figures.</summary>
    internal static void Print(JsonObject doc, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }
        var table = new Table().AddColumn("figure").AddColumn("value");
        foreach (var (k, v) in Flatten(doc)) table.AddRow(Markup.Escape(k), Markup.Escape(v));
        Consoles.Out.Write(table);
    }

    /// <summary>Steps/s of one 64x64 discrete PointNav environment driven by seeded random actions; stop actions are replaced so episodes run to the time limit.</summary>
    public static double EnvStepsPerSecond(string frames, int steps, int threads)
    {
        var scenario = new Scenario { Name = "bench", Frames = frames, World = new Env.Worlds.WorldOptions { Seed = 3 }, MaxSteps = 500 };
        using var env = new RtfmEnvironment(scenario, frames == "ground-truth" ? new GroundTruthRenderer(new RendererOptions { Threads = threads }) : null,
            components: ModelFrames.Components(null));
        var rng = new Env.Randomness.Rng(1);
        env.Reset(1);
        for (int i = 0; i < 50; i++) Step(env, rng); // warm up (JIT, caches)
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) Step(env, rng);
        return steps / sw.Elapsed.TotalSeconds;
    }

    private static void Step(RtfmEnvironment env, Env.Randomness.Rng rng)
    {
        long a = rng.NextLong(7); // 0..6: every action but stop
        if (env.Step(a).Done) env.Reset();
    }

    private static IEnumerable<(string, string)> Flatten(JsonNode? node, string prefix = "")
    {
        if (node is JsonObject o)
        {
            foreach (var (k, v) in o)
                foreach (var x in Flatten(v, prefix.Length == 0 ? k : $"{prefix}.{k}")) yield return x;
        }
        else
        {
            string text = node switch
            {
                JsonValue v when v.TryGetValue(out double d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                JsonValue v when v.TryGetValue(out string? s) => s,
                _ => node?.ToJsonString() ?? "",
            };
            yield return (prefix, text);
        }
    }
}
