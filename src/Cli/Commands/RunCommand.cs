using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Agents;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.IO;
using RtfmGym.Imaging;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
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
            return Task.FromResult(Run(
            pr.GetValue(scenario)!, pr.GetValue(agent), pr.GetValue(episodes), pr.GetValue(outDir), pr.GetValue(frames), pr.GetValue(seed),
            pr.GetValue(json), pr.GetValue(noFrames), pr.GetValue(waypoints), ct, pr.GetValue(memoryIn), pr.GetValue(memoryOut), components));
        });
        return cmd;
    }

    internal static int Run(string scenarioName, string? agentName, int episodes, string? outDir, string? frames, long? seed,
        bool json, bool noFrames, string? waypoints, CancellationToken ct, string? memoryIn = null, string? memoryOut = null, EnvironmentComponents? components = null)
    {
        components ??= ModelFrames.Components(null);
        if (episodes < 1) throw new ArgumentException("--episodes must be at least 1.");
        // Inputs are read and outputs checked before anything runs, so a bad file or path costs no run.
        if (memoryOut is not null) AtomicFile.CheckWritable(memoryOut, "--memory-out");
        (SpatialMemory Memory, string Sha256)? loaded = memoryIn is null ? null : SpatialMemoryFile.LoadWithDigest(memoryIn);
        SpatialMemory? remembered = loaded?.Memory;
        PreloadedMemoryFile? preloaded = loaded is { } l ? new PreloadedMemoryFile(Path.GetFullPath(memoryIn!), l.Sha256, l.Memory.Count) : null;
        Scenario suite = ScenarioResolver.Load(scenarioName);
        // The learned model is run's default frame source; "scenario" keeps the file's own choice.
        if (frames != "scenario") suite = suite with { Frames = frames ?? ModelFrames.SourceName };
        if (seed is { } s) suite = suite with { Seed = s };
        agentName ??= AgentFactory.DefaultFor(suite);
        if (remembered?.WorldSeed is { } worldSeed && suite.Expand(episodes).FirstOrDefault(e => e.World.Seed != worldSeed) is { } other)
            throw new RtfmGymException($"--memory-in '{memoryIn}' was recorded in world seed {worldSeed}, but the episode with seed {other.Seed} runs in world seed {other.World.Seed}; use a memory saved in that world (run it with --memory-out).");
        string root = Path.GetFullPath(outDir ?? Path.Combine("runs", suite.Name));
        Directory.CreateDirectory(root);
        IAgent agent = AgentFactory.Create(agentName, suite, (ulong)(seed ?? suite.Seed), waypoints);
        using var ownedAgent = agent as IDisposable; // a learned policy holds native memory
        var results = new List<(EpisodeResult Result, string Record, string Video)>();
        var sheet = new FrameSampler(8);
        // Only a source that is not the ray caster itself has something to compare with the truth.
        using var truthSheet = new TruthComparisonSheet(8);
        bool compareWithTruth = false;
        SpatialMemory? lastMemory = null;
        StartImagesNote.WriteIfIgnored(suite, components);
        if (remembered is { WorldSeed: null })
            Consoles.Err.MarkupLine($"[yellow]note:[/] {Markup.Escape(memoryIn!)} does not say which world it was recorded in (format version 1); it is preloaded unchecked.");

        Consoles.Err.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                foreach (var (episode, index) in suite.Expand(episodes).Select((e, i) => (e, i)))
                {
                    if (ct.IsCancellationRequested) break;
                    var task = progress.AddTask($"episode {index} (seed {episode.Seed})", maxValue: episode.MaxSteps);
                    // A memory only when asked for (or when the source needs one): it changes info and costs time.
                    using var env = new RtfmEnvironment(episode, memory: remembered is not null || memoryOut is not null ? new SpatialMemory(remembered?.Options) : null, components: components);
                    if (remembered is not null) env.PreloadMemory(remembered);
                    var recorder = new EpisodeRecorder(env) { MemoryIn = preloaded };
                    string epDir = Path.Combine(root, $"episode-{index:000}");
                    using var video = new VideoWriter(Path.Combine(epDir, "video"), episode.Camera.Width, episode.Camera.Height);
                    var path = new List<System.Numerics.Vector2>();
                    void Keep(int step)
                    {
                        path.Add(new System.Numerics.Vector2(env.Pose.Position.X, env.Pose.Position.Z));
                        byte[] rgb = env.LastFrame!.Rgb;
                        video.Add(rgb);
                        if (index == 0) sheet.Add(rgb);
                        if (index == 0 && compareWithTruth) truthSheet.Add(env);
                        if (!noFrames) PngWriter.Write(Path.Combine(epDir, "frames", $"step-{step:0000}.png"), env.Camera.Width, env.Camera.Height, rgb);
                    }
                    EpisodeResult r = EpisodeRunner.Run(env, agent, episode.Seed,
                        afterReset: _ =>
                        {
                            recorder.Begin();
                            if (index == 0 && env.FrameSourceName != "ground-truth")
                            {
                                compareWithTruth = true;
                                truthSheet.Begin(env, (ulong)episode.Seed);
                            }
                            Keep(0);
                        },
                        afterStep: (a, sr) => { recorder.Add(a, sr); Keep(env.StepCount); task.Increment(1); },
                        cancellation: ct);
                    task.Value = task.MaxValue;
                    string record = Path.Combine(epDir, "episode.json");
                    recorder.Build(r.ToSummary()).Save(record);
                    string videoPath = video.Finish();
                    EpisodeMap.Write(Path.Combine(epDir, "map.png"), env, path);
                    results.Add((r, record, videoPath));
                    lastMemory = env.Memory?.Clone();
                }
            });

        var report = new EvaluationReport(agent.Name, suite.Name, results.Select(x => x.Result).ToArray());
        JsonObject doc = report.ToJson();
        doc["out"] = root;
        if (memoryIn is not null) doc["memory_in"] = Path.GetFullPath(memoryIn);
        if (memoryOut is not null && lastMemory is not null)
        {
            SpatialMemoryFile.Save(lastMemory, memoryOut);
            doc["memory_out"] = Path.GetFullPath(memoryOut);
            doc["memory_out_entries"] = lastMemory.Count;
        }
        doc["records"] = new JsonArray(results.Select(x => (JsonNode)x.Record).ToArray());
        doc["videos"] = new JsonArray(results.Select(x => (JsonNode)x.Video).ToArray());
        AtomicFile.WriteAllText(Path.Combine(root, "summary.json"), doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (sheet.Pick() is { Count: > 0 } sheetFrames)
        {
            var (rgb, w, h) = ContactSheet.Build(sheetFrames, suite.Camera.Width, suite.Camera.Height, Math.Min(4, sheetFrames.Count));
            PngWriter.Write(Path.Combine(root, "frames.png"), w, h, rgb);
        }
        if (compareWithTruth) truthSheet.Write(Path.Combine(root, "frames-vs-truth.png"), suite.Camera.Width, suite.Camera.Height);
        if (json) Console.Out.WriteLine(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        else ReportTable.Print(report, root);
        if (!json && memoryOut is not null && lastMemory is not null)
            Consoles.Out.MarkupLine($"wrote memory [link]{Markup.Escape(Path.GetFullPath(memoryOut))}[/] ({lastMemory.Count} entries, world seed {lastMemory.WorldSeed})");
        return ct.IsCancellationRequested ? 130 : 0;
    }
}
