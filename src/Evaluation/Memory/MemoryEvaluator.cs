using System.Diagnostics;
using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// The persistence figures of the spatial memory (docs/memory.md, <c>rtfmgym memory-eval</c>): revisit error vs
/// gap for the default memory beside a sliding window (<see cref="RevisitExperiment"/>), then recall@K of each
/// retrieval rule against the covisibility oracle and step latency, bank size and process memory along one long
/// episode (<see cref="CostExperiment"/>); and a picture of the memory at the episode's end.
/// </summary>
public static class MemoryEvaluator
{
    /// <summary>
    /// Evaluates the memory in <paramref name="scenario"/>'s first episode with frames from <paramref name="frames"/>
    /// (the source named by <paramref name="scenario"/>.Frames, which the report names; not disposed).
    /// </summary>
    /// <param name="scenario">One episode's scenario (the first of a suite's expansion), its frame source name set.</param>
    /// <param name="frames">The frame source the memory is filled from.</param>
    /// <param name="options">The checked settings.</param>
    /// <param name="progress">Told of each frame drawn and step taken, the revisit loops and the cost episode as two stages.</param>
    /// <param name="cancel">Stops the run within a frame or a step.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public static MemoryEvalReport Run(Scenario scenario, IFrameSource frames, MemoryEvalOptions options,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<int> gaps = options.GapsRun;
        int timingRuns = options.TimingRunsFor(scenario.Frames);
        using var truth = new GroundTruthRenderer();
        var (start, episodeSeed, world) = FirstEpisode(scenario, truth);
        IReadOnlyList<FloorPose> warmUp = RevisitExperiment.WarmUp(scenario, world, start, episodeSeed);

        var loops = new StageProgress(progress, $"revisit loops ({string.Join(", ", gaps)} steps)",
            gaps.Sum(g => g + warmUp.Count) * RevisitExperiment.Memories.Count, cancel);
        IReadOnlyList<RevisitRow> revisits = RevisitExperiment.Run(scenario, frames, truth, world, episodeSeed, warmUp, gaps, loops.Advance);
        loops.Finish();
        var episode = new StageProgress(progress, $"cost episode ({options.Steps} steps) and retrieval audit, {timingRuns} timing run(s)",
            CostExperiment.StepsTaken(options.Steps, timingRuns), cancel);
        CostResult cost = CostExperiment.Run(scenario, frames, truth, options.Steps, timingRuns, episode.Advance);
        episode.Finish();

        if (options.MapPath is not null) MemoryMapPicture.Write(options.MapPath, cost.World, cost.Memory, cost.FinalRetrieved.ToHashSet(), cost.FinalPose);
        return new MemoryEvalReport
        {
            Scenario = scenario.Name,
            Frames = scenario.Frames,
            Camera = $"{scenario.Camera.Width}x{scenario.Camera.Height}",
            Steps = options.Steps,
            RevisitPose = warmUp[^1],
            Revisits = revisits,
            CaptureViews = frames.DrawsFromContext ? scenario.CapturePoses(world).Count : 0,
            SkippedGaps = options.SkippedGaps,
            Cost = cost,
            MapFile = options.MapPath,
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Where the scenario's first episode starts; this reset also begins <paramref name="truth"/>'s episode.</summary>
    private static (FloorPose Start, long EpisodeSeed, World World) FirstEpisode(Scenario scenario, GroundTruthRenderer truth)
    {
        using var env = new RtfmEnvironment(scenario, truth);
        env.Reset(scenario.Seed);
        return (FloorPose.Of(env.Pose), env.EpisodeSeed, env.World);
    }
}
