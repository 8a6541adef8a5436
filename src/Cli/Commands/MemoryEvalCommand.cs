using System.CommandLine;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Scenarios;
using RtfmGym.Evaluation;
using RtfmGym.Evaluation.Memory;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym memory-eval [SCENARIO]</c>: the persistence figures of the spatial memory
/// (docs/memory.md, <see cref="MemoryEvaluator"/>): revisit error vs gap for the default memory beside a
/// sliding window, recall@K of each retrieval rule against the covisibility oracle, and step
/// latency, bank size and process memory along one long episode; plus a map of the memory.
/// </summary>
public static class MemoryEvalCommand
{
    /// <summary>The <c>memory-eval</c> command with its arguments and options.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file or shipped name.", DefaultValueFactory = _ => ScenarioResolver.DefaultScenario };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint folder of the learned frame model; makes \"model\" the default frame source." };
        var frames = new Option<string>("--frames") { Description = "Frame source: ground-truth, constant, model (or a registered one). Default: model with --checkpoint, else the scenario's." };
        var steps = new Option<int>("--steps") { Description = "Steps of the cost episode; gaps longer than this are skipped.", DefaultValueFactory = _ => MemoryEvalOptions.DefaultSteps };
        var gaps = new Option<string>("--gaps") { Description = $"Revisit gaps in steps, comma-separated. Default: {string.Join(',', MemoryEvalOptions.DefaultGaps)}." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables." };
        var outDir = new Option<string>("--out") { Description = "Folder for memory-map.png and report.json. Default: runs/memory-eval." };
        var timingRuns = new Option<int?>("--timing-runs") { Description = $"Times each step of the cost episode's latency windows this often (the episode, then each window again from a snapshot, side by side); each counts its fastest. Default: {MemoryEvalOptions.DefaultTimingRuns}, {MemoryEvalOptions.DefaultModelTimingRuns} with a model." };
        var capture = new Option<string>("--capture")
        {
            Description = "Metres between the ground-truth views of the world's capture that a learned source starts from, or 'none'. Default: the scenario's capture (none when it has none).",
        };
        var cmd = new Command("memory-eval", "Measure the spatial memory: revisit error vs gap, recall@K of retrieval rules, cost vs episode length; draw the memory on the map.")
        {
            scenario, checkpoint, frames, steps, gaps, json, outDir, timingRuns, capture,
        };
        cmd.SetAction((pr, ct) =>
        {
            var options = MemoryEvalOptions.Create(pr.GetValue(steps), pr.GetValue(gaps), pr.GetValue(timingRuns));
            return Task.FromResult(Run(pr.GetValue(scenario)!, pr.GetValue(frames), pr.GetValue(checkpoint), pr.GetValue(outDir) ?? Path.Combine("runs", "memory-eval"), pr.GetValue(json), options, ct,
                pr.GetValue(capture)));
        });
        return cmd;
    }

    internal static int Run(string scenarioName, string? framesName, string? checkpoint, string outDir, bool json, MemoryEvalOptions options, CancellationToken ct,
        string? capture = null)
    {
        if (framesName is not null && string.IsNullOrWhiteSpace(framesName)) throw new ArgumentException("--frames needs a frame source name, e.g. ground-truth.");
        EnvironmentComponents components = ModelFrames.Components(checkpoint);
        Scenario suite = ScenarioResolver.Load(scenarioName);
        Scenario scenario = suite.Expand(1)[0] with { Frames = framesName ?? (checkpoint is not null ? "model" : suite.Frames) };
        if (capture is not null) scenario = scenario with { Capture = CaptureArgument.Parse(capture, "--capture") };
        foreach (var (gap, reason) in options.SkippedGaps) Consoles.Err.MarkupLine($"[yellow]note:[/] gap {gap} skipped: {Markup.Escape(reason)}");
        outDir = Path.GetFullPath(outDir);
        options = options with { MapPath = Path.Combine(outDir, "memory-map.png") };

        using IFrameSource frames = components.FrameSources.Create(scenario.Frames, scenario);
        MemoryEvalReport report;
        try
        {
            report = EvaluationProgressBars.Run(keep: true, progress => MemoryEvaluator.Run(scenario, frames, options, progress, ct));
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        string doc = EvaluationJson.Write(Path.Combine(outDir, "report.json"), report.ToJson(new RunProvenance(Machine.Describe(), Machine.Commit())));
        if (json) Console.Out.WriteLine(doc);
        else MemoryEvalTables.Print(report);
        return 0;
    }
}
