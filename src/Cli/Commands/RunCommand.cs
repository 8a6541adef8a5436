using System.CommandLine;
using System.Text.Json;
using RtfmGym.Agents;
using RtfmGym.Cli.Output;
using RtfmGym.Cli.Runs;
using RtfmGym.Env;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym run [SCENARIO]</c>: runs episodes with an agent and writes frames, a video, the episode records and a summary.</summary>
public static class RunCommand
{
    /// <summary>The <c>run</c> command with its arguments and options.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file or shipped name (see `rtfmgym scenarios`).", DefaultValueFactory = _ => ScenarioResolver.DefaultScenario };
        var agent = new Option<string>("--agent") { Description = $"Agent: {string.Join(", ", AgentFactory.Names)}. Default: oracle (the best scripted agent for the task) for PointNav and Explore, random otherwise." };
        var episodes = new Option<int>("--episodes") { Description = "Episodes to run (a suite's first N; else seeds seed, seed+1, ...).", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "Output folder. Default: runs/<scenario>." };
        var frames = new Option<string>("--frames") { Description = "Frame source: model (the learned frame model, default), ground-truth, constant, or \"scenario\" for the scenario's own." };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Frame-model checkpoint directory for --frames model. Default: the shipped models/small." };
        var seed = new Option<long?>("--seed") { Description = "Seed of the first episode. Default: the scenario's." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document with the results instead of a table." };
        var noFrames = new Option<bool>("--no-frames") { Description = "Skip writing a PNG per step (the video, record and summary are still written)." };
        var waypoints = new Option<string>("--waypoints") { Description = "For --agent waypoints: \"x,z;x,z;...\" in metres." };
        var memoryIn = new Option<string>("--memory-in") { Description = "Spatial memory file (RTFMMEM1) copied into the environment's memory at every reset, so the world is remembered; it must come from the same world seed." };
        var memoryOut = new Option<string>("--memory-out") { Description = "Save the environment's spatial memory at the end of the last episode to this file (RTFMMEM1)." };
        var cmd = new Command("run", "Run episodes of a scenario with an agent; write frames, video, episode records and a summary.")
        {
            scenario, agent, episodes, outDir, frames, seed, json, noFrames, waypoints, checkpoint, memoryIn, memoryOut,
        };
        cmd.SetAction((pr, ct) =>
        {
            EnvironmentComponents components = ModelFrames.Components(pr.GetValue(checkpoint));
            var options = new RunOptions
            {
                Scenario = pr.GetValue(scenario)!, Agent = pr.GetValue(agent), Episodes = pr.GetValue(episodes), OutDir = pr.GetValue(outDir),
                Frames = pr.GetValue(frames), Seed = pr.GetValue(seed), Json = pr.GetValue(json), NoFrames = pr.GetValue(noFrames),
                Waypoints = pr.GetValue(waypoints), MemoryIn = pr.GetValue(memoryIn), MemoryOut = pr.GetValue(memoryOut),
            };
            return Task.FromResult(Run(options, components, ct));
        });
        return cmd;
    }

    internal static int Run(RunOptions options, EnvironmentComponents components, CancellationToken ct)
    {
        RunPlan plan = RunPlan.Prepare(options);
        IAgent agent = AgentFactory.Create(plan.AgentName, plan.Suite, (ulong)(options.Seed ?? plan.Suite.Seed), options.Waypoints);
        using var ownedAgent = agent as IDisposable; // a learned policy holds native memory
        using var outputs = new RunOutputs(plan);
        StartImagesNote.WriteIfIgnored(plan.Suite, components);
        if (plan.Remembered is { WorldSeed: null })
            Consoles.Err.MarkupLine($"[yellow]note:[/] {Markup.Escape(options.MemoryIn!)} does not say which world it was recorded in (format version 1); it is preloaded unchecked.");
        outputs.RunAll(agent, components, ct);
        var (report, doc) = outputs.Finish(agent.Name);
        if (options.Json) Console.Out.WriteLine(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        else ReportTable.Print(report, plan.Root);
        // Said plainly: a captured world is reconstructed from true views, which is not the model generating on its own.
        if (!options.Json && plan.Suite.Capture is { } capture && plan.Suite.Frames == ModelFrames.SourceName)
            Consoles.Out.MarkupLine(FormattableString.Invariant($"[grey]frames drawn by the model from a capture of the world: ground-truth views every {capture.Spacing:0.##} m, {capture.Headings} headings (the scenario's capture; without it the model generates from the views around the start alone)[/]"));
        if (!options.Json && options.MemoryOut is not null && outputs.LastMemory is { } memory)
            Consoles.Out.MarkupLine($"wrote memory [link]{Markup.Escape(Path.GetFullPath(options.MemoryOut))}[/] ({memory.Count} entries, world seed {memory.WorldSeed})");
        return ct.IsCancellationRequested ? 130 : 0;
    }
}
