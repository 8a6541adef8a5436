using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Agents;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.IO;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
using RtfmGym.Imaging;
using Spectre.Console;

namespace RtfmGym.Cli.Runs;

/// <summary>
/// Runs the episodes of a <see cref="RunPlan"/> and writes what <c>rtfmgym run</c> leaves behind: per episode its frames,
/// video, map and record; for the run a contact sheet, a sheet beside the ground truth and <c>summary.json</c>.
/// </summary>
internal sealed class RunOutputs : IDisposable
{
    private readonly RunPlan _plan;
    private readonly List<(EpisodeResult Result, string Record, string Video)> _results = [];
    private readonly FrameSampler _sheet = new(8);
    // Only a source that is not the ray caster itself has something to compare with the truth.
    private readonly TruthComparisonSheet _truthSheet = new(8);
    private bool _compareWithTruth;
    private SpatialMemory? _lastMemory;

    /// <summary>Outputs of <paramref name="plan"/>, in its <see cref="RunPlan.Root"/>.</summary>
    public RunOutputs(RunPlan plan) => _plan = plan;

    /// <summary>Runs every episode (until <paramref name="ct"/> is cancelled) under a progress bar per episode.</summary>
    public void RunAll(IAgent agent, EnvironmentComponents components, CancellationToken ct) =>
        Consoles.Err.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                foreach (var (episode, index) in _plan.Episodes.Select((e, i) => (e, i)))
                {
                    if (ct.IsCancellationRequested) break;
                    var task = progress.AddTask($"episode {index} (seed {episode.Seed})", maxValue: episode.MaxSteps);
                    RunEpisode(episode, index, agent, components, task, ct);
                }
            });

    /// <summary>One episode: runs it, keeping every frame, and writes its record, video and map.</summary>
    private void RunEpisode(Scenario episode, int index, IAgent agent, EnvironmentComponents components, ProgressTask task, CancellationToken ct)
    {
        using RtfmEnvironment env = _plan.CreateEnvironment(episode, components);
        var recorder = new EpisodeRecorder(env) { MemoryIn = _plan.Preloaded };
        string epDir = Path.Combine(_plan.Root, $"episode-{index:000}");
        using var video = new VideoWriter(Path.Combine(epDir, "video"), episode.Camera.Width, episode.Camera.Height);
        var path = new List<Vector2>();
        void Keep(int step) => KeepFrame(env, index, step, epDir, video, path);
        EpisodeResult r = EpisodeRunner.Run(env, agent, episode.Seed,
            afterReset: _ =>
            {
                recorder.Begin();
                if (index == 0 && env.FrameSourceName != "ground-truth")
                {
                    _compareWithTruth = true;
                    _truthSheet.Begin(env, (ulong)episode.Seed);
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
        _results.Add((r, record, videoPath));
        _lastMemory = env.Memory?.Clone();
    }

    /// <summary>The frame just drawn: into the video, the path, the first episode's sheets and (unless --no-frames) a PNG.</summary>
    private void KeepFrame(RtfmEnvironment env, int index, int step, string epDir, VideoWriter video, List<Vector2> path)
    {
        path.Add(new Vector2(env.Pose.Position.X, env.Pose.Position.Z));
        byte[] rgb = env.LastFrame!.Rgb;
        video.Add(rgb);
        if (index == 0) _sheet.Add(rgb);
        if (index == 0 && _compareWithTruth) _truthSheet.Add(env);
        if (!_plan.Options.NoFrames) PngWriter.Write(Path.Combine(epDir, "frames", $"step-{step:0000}.png"), env.Camera.Width, env.Camera.Height, rgb);
    }

    /// <summary>The memory of the last episode's environment at its end, if it had one.</summary>
    public SpatialMemory? LastMemory => _lastMemory;

    /// <summary>Writes summary.json, the contact sheet and the sheet beside the truth, and the memory file if asked; returns the summary.</summary>
    public (EvaluationReport Report, JsonObject Summary) Finish(string agentName)
    {
        RunOptions options = _plan.Options;
        var report = new EvaluationReport(agentName, _plan.Suite.Name, _results.Select(x => x.Result).ToArray());
        JsonObject doc = report.ToJson();
        doc["out"] = _plan.Root;
        if (options.MemoryIn is not null) doc["memory_in"] = Path.GetFullPath(options.MemoryIn);
        if (options.MemoryOut is not null && _lastMemory is not null)
        {
            SpatialMemoryFile.Save(_lastMemory, options.MemoryOut);
            doc["memory_out"] = Path.GetFullPath(options.MemoryOut);
            doc["memory_out_entries"] = _lastMemory.Count;
        }
        doc["records"] = new JsonArray(_results.Select(x => (JsonNode)x.Record).ToArray());
        doc["videos"] = new JsonArray(_results.Select(x => (JsonNode)x.Video).ToArray());
        AtomicFile.WriteAllText(Path.Combine(_plan.Root, "summary.json"), doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        WriteSheets();
        return (report, doc);
    }

    private void WriteSheets()
    {
        var camera = _plan.Suite.Camera;
        if (_sheet.Pick() is { Count: > 0 } sheetFrames)
        {
            var (rgb, w, h) = ContactSheet.Build(sheetFrames, camera.Width, camera.Height, Math.Min(4, sheetFrames.Count));
            PngWriter.Write(Path.Combine(_plan.Root, "frames.png"), w, h, rgb);
        }
        if (_compareWithTruth) _truthSheet.Write(Path.Combine(_plan.Root, "frames-vs-truth.png"), camera.Width, camera.Height);
    }

    /// <summary>Frees the sheet beside the truth (it holds a ray caster).</summary>
    public void Dispose() => _truthSheet.Dispose();
}
