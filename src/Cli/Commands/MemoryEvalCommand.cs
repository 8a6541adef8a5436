using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using RtfmGym.Cli.MemoryEval;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Frames;
using RtfmGym.Env.IO;
using RtfmGym.Env.Memory.Evaluation;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym memory-eval [SCENARIO]</c>: the persistence figures of the spatial memory
/// (docs/memory.md): revisit error vs gap for the default memory beside a
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
        var steps = new Option<int>("--steps") { Description = "Steps of the cost episode; gaps longer than this are skipped.", DefaultValueFactory = _ => MemoryEvalSettings.DefaultSteps };
        var gaps = new Option<string>("--gaps") { Description = $"Revisit gaps in steps, comma-separated. Default: {string.Join(',', MemoryEvalSettings.DefaultGaps)}." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables." };
        var outDir = new Option<string>("--out") { Description = "Folder for memory-map.png and report.json. Default: runs/memory-eval." };
        var timingRuns = new Option<int?>("--timing-runs") { Description = $"Times each step of the cost episode's latency windows this often (the episode, then each window again from a snapshot, side by side); each counts its fastest. Default: {MemoryEvalSettings.DefaultTimingRuns}, {MemoryEvalSettings.DefaultModelTimingRuns} with a model." };
        var cmd = new Command("memory-eval", "Measure the spatial memory: revisit error vs gap, recall@K of retrieval rules, cost vs episode length; draw the memory on the map.")
        {
            scenario, checkpoint, frames, steps, gaps, json, outDir, timingRuns,
        };
        cmd.SetAction((pr, ct) => Task.FromResult(Run(MemoryEvalSettings.Create(
            pr.GetValue(scenario)!, pr.GetValue(frames), pr.GetValue(checkpoint), pr.GetValue(steps), pr.GetValue(gaps), pr.GetValue(outDir), pr.GetValue(json), pr.GetValue(timingRuns)), ct)));
        return cmd;
    }

    internal static int Run(MemoryEvalSettings settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        EnvironmentComponents components = ModelFrames.Components(settings.Checkpoint);
        Scenario suite = ScenarioResolver.Load(settings.Scenario);
        string framesName = settings.Frames ?? (settings.Checkpoint is not null ? "model" : suite.Frames);
        Scenario scenario = suite.Expand(1)[0] with { Frames = framesName };
        int[] gaps = settings.Gaps.Where(g => g <= settings.Steps).ToArray();
        int timingRuns = settings.TimingRuns ?? (framesName == "model" ? MemoryEvalSettings.DefaultModelTimingRuns : MemoryEvalSettings.DefaultTimingRuns);
        var skipped = settings.Gaps.Where(g => g > settings.Steps)
            .Select(g => (g, $"longer than --steps {settings.Steps}; raise --steps to {g} or more to run it")).ToArray();
        foreach (var (gap, reason) in skipped) Consoles.Err.MarkupLine($"[yellow]note:[/] gap {gap} skipped: {Markup.Escape(reason)}");

        using IFrameSource frames = components.FrameSources.Create(framesName, scenario);
        using var truth = new GroundTruthRenderer();
        FloorPose start;
        long episodeSeed;
        Env.Worlds.World world;
        // The revisit walk begins at the start of the scenario's first episode; this reset also begins the ground truth's episode.
        using (var env = new RtfmEnvironment(scenario, truth))
        {
            env.Reset(scenario.Seed);
            (start, episodeSeed, world) = (FloorPose.Of(env.Pose), env.EpisodeSeed, env.World);
        }
        IReadOnlyList<FloorPose> warmUp = RevisitExperiment.WarmUp(scenario, world, start, episodeSeed);

        IReadOnlyList<RevisitRow> revisits = [];
        CostResult? cost = null;
        try
        {
            Consoles.Err.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var loops = progress.AddTask($"revisit loops ({string.Join(", ", gaps)} steps)",
                        maxValue: Math.Max(1, gaps.Sum(g => g + warmUp.Count) * RevisitExperiment.Memories.Count));
                    revisits = RevisitExperiment.Run(scenario, frames, truth, world, episodeSeed, warmUp, gaps, () => Advance(loops));
                    loops.Value = loops.MaxValue;
                    var episode = progress.AddTask($"cost episode ({settings.Steps} steps) and retrieval audit, {timingRuns} timing run(s)", maxValue: CostExperiment.StepsTaken(settings.Steps, timingRuns));
                    cost = CostExperiment.Run(scenario, frames, truth, settings.Steps, timingRuns, () => Advance(episode));
                    episode.Value = episode.MaxValue;
                });
        }
        catch (OperationCanceledException)
        {
            return 130;
        }

        string outDir = Path.GetFullPath(settings.OutDir);
        string mapFile = Path.Combine(outDir, "memory-map.png");
        MemoryMapPicture.Write(mapFile, cost!.World, cost.Memory, cost.FinalRetrieved.ToHashSet(), cost.FinalPose);
        var report = new MemoryEvalReport
        {
            Scenario = scenario.Name,
            Frames = framesName,
            Camera = $"{scenario.Camera.Width}x{scenario.Camera.Height}",
            Steps = settings.Steps,
            RevisitPose = warmUp[^1],
            Revisits = revisits,
            SkippedGaps = skipped,
            Cost = cost,
            MapFile = mapFile,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
        string doc = report.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.WriteAllText(Path.Combine(outDir, "report.json"), doc);
        if (settings.Json) Console.Out.WriteLine(doc);
        else report.Print();
        return 0;

        void Advance(ProgressTask task)
        {
            ct.ThrowIfCancellationRequested();
            task.Increment(1);
        }
    }
}
