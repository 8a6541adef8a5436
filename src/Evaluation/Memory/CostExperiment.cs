using System.Diagnostics;
using RtfmGym.Agents;
using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// Cost vs episode length and the retrieval audit, from one long
/// episode of a seeded <see cref="RandomWalkAgent"/> with the default spatial memory. Only
/// <see cref="RtfmEnvironment.Step"/> is timed. The audit scores each audited target against a copy of the
/// environment's memory taken just before the step that stores the target's frame (outside the timing), so
/// against the memory exactly as it stood then.
/// <para>Timing: each step's latency is the least it took in any of the timing runs, the usual way to
/// measure a cost on a shared machine (other work only ever adds time). The first run is the whole
/// episode, audited; it gives the bank size and memory figures and snapshots the environment
/// (<see cref="RtfmEnvironment.Snapshot"/>) where each latency window begins. Each further run restores
/// those snapshots in turn and takes the window's steps again with the same actions (same frames, same
/// memory), the windows one after the other, in alternating order: so the window at step 100 and the one
/// at step 10,000 are timed side by side, seconds apart, not minutes. On a small virtual machine the speed
/// drifts by a fifth over minutes; timed a whole episode apart, the two windows drifted apart too.</para>
/// </summary>
public static class CostExperiment
{
    /// <summary>The steps at which the cost is measured; those past the episode's end are left out and the last step added.</summary>
    public static readonly IReadOnlyList<int> CheckpointSteps = [10, 100, 1000, 10000];

    /// <summary>Latency windows cover at most this many steps up to the checkpoint.</summary>
    public const int Window = 50;

    /// <summary>The audit scores about this many targets, evenly spaced along the episode.</summary>
    public const int AuditTargets = 200;

    /// <summary>The K values of the audit.</summary>
    public static readonly IReadOnlyList<int> AuditKs = [4, 8];

    /// <summary>
    /// Runs <paramref name="steps"/> steps of <paramref name="scenario"/> (task replaced by Free and the time
    /// limit by <paramref name="steps"/>, so nothing ends the episode early) with <paramref name="frames"/>;
    /// <paramref name="truth"/> draws the ground truth with depth for the audit. Then takes the steps of every
    /// latency window <paramref name="timingRuns"/> - 1 more times, timed only. <paramref name="advance"/> is
    /// called once per step taken (<see cref="StepsTaken"/> in all).
    /// </summary>
    public static CostResult Run(Scenario scenario, IFrameSource frames, GroundTruthRenderer truth, int steps, int timingRuns, Action advance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timingRuns, 1);
        Scenario s = scenario with { MaxSteps = steps, Task = scenario.Task with { Kind = TaskKind.Free } };
        // Start from a collected heap, so the memory figures are this episode's and not leftovers of earlier work (the revisit loops).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var env = new RtfmEnvironment(s, frames, new SpatialMemory());
        var timings = new StepTimings(steps);
        AuditedRun first = RunAudited(env, s, frames, truth, steps, timings, advance);
        // The episode's end, before the windows are taken again from their snapshots.
        var (world, finalMemory, finalPose) = (env.World, env.Memory!.Clone(), env.Pose);
        var windows = first.Marks.Select(m => (From: Math.Max(0, m.Step - Window), To: m.Step)).ToArray();
        for (int run = 1; run < timingRuns; run++)
        {
            foreach (var (from, to) in run % 2 == 1 ? windows : windows.Reverse())
            {
                env.Restore(first.Snapshots[from]);
                for (int i = from; i < to; i++)
                {
                    timings.Take(env, i, first.Actions[i]);
                    advance();
                }
            }
        }
        var checkpoints = first.Marks.Select(m => timings.Checkpoint(m.Step, Window, m.Bank, m.WorkingSetMiB, m.GcHeapMiB)).ToList();
        return new CostResult(checkpoints, first.Audit, first.Taken, world, finalMemory, finalPose, first.LastRetrieved, timingRuns);
    }

    /// <summary>
    /// Steps <see cref="Run"/> takes (and calls its progress callback for) with <paramref name="timingRuns"/>
    /// runs of an episode of <paramref name="steps"/> steps: the episode, then its latency windows again.
    /// </summary>
    public static long StepsTaken(int steps, int timingRuns)
    {
        var marks = CheckpointSteps.Where(c => c < steps).Append(steps).Distinct();
        return steps + (long)(timingRuns - 1) * marks.Sum(m => m - Math.Max(0, m - Window));
    }

    /// <summary>What the audited run leaves for the timing runs and the result.</summary>
    /// <param name="Audit">The retrieval audit over the episode's targets.</param>
    /// <param name="Taken">Steps taken.</param>
    /// <param name="Marks">Bank size and process memory at each checkpoint reached.</param>
    /// <param name="Snapshots">The environment where each latency window begins, by step.</param>
    /// <param name="Actions">The walker's action at each step, to take a window's steps again.</param>
    /// <param name="LastRetrieved">Ids of the entries retrieved for the last frame, best first.</param>
    private sealed record AuditedRun(RetrievalAudit Audit, int Taken, IReadOnlyList<MemoryMark> Marks, IReadOnlyDictionary<int, EnvironmentSnapshot> Snapshots,
        IReadOnlyList<object> Actions, long[] LastRetrieved);

    /// <summary>Bank size and process memory after <paramref name="Step"/> steps of the audited run (MiB).</summary>
    private sealed record MemoryMark(int Step, int Bank, double WorkingSetMiB, double GcHeapMiB);

    /// <summary>
    /// The whole episode with a seeded <see cref="RandomWalkAgent"/>, timed into <paramref name="timings"/>, audited every
    /// stride steps, its memory measured at each checkpoint and snapshotted where each latency window begins.
    /// </summary>
    private static AuditedRun RunAudited(RtfmEnvironment env, Scenario s, IFrameSource frames, GroundTruthRenderer truth, int steps, StepTimings timings, Action advance)
    {
        ResetResult reset = env.Reset(s.Seed);
        truth.BeginEpisode(env.World, (ulong)env.EpisodeSeed);
        var walker = new RandomWalkAgent(Rng.Derive((ulong)s.Seed, "memory-eval walk"));
        walker.Reset(new AgentContext(env.ActionSpace, env.ObservationSpace, env.EpisodeSeed), reset.Observation, reset.Info);
        var audit = new RetrievalAudit([new FieldOfViewCoverageRule(), new NearestPoseRule(), new SlidingWindowRule()], AuditKs);
        var truthById = new Dictionary<long, Frame>();
        int stride = Math.Max(1, steps / AuditTargets);
        var marks = new List<MemoryMark>();
        var markSteps = CheckpointSteps.Where(c => c < steps).Append(steps).ToHashSet();
        var windowStarts = markSteps.Select(m => Math.Max(0, m - Window)).ToHashSet();
        var snapshots = new Dictionary<int, EnvironmentSnapshot>();
        var actions = new object[steps];
        long[] retrieved = [];
        (object observation, IReadOnlyDictionary<string, object?> info) = (reset.Observation, reset.Info);
        int taken = 0;
        while (taken < steps)
        {
            object action = walker.Act(observation, info);
            if (windowStarts.Contains(taken)) snapshots[taken] = env.Snapshot();
            SpatialMemory? before = (taken + 1) % stride == 0 ? env.Memory!.Clone() : null;
            actions[taken] = action;
            StepResult r = timings.Take(env, taken++, action);
            (observation, info) = (r.Observation, r.Info);
            retrieved = InfoKeys.MemoryRetrieved.ReadOr(r.Info, []);
            timings.Retrieved(taken - 1, retrieved.Length);
            if (before is not null) AuditTarget(audit, before, env, truthById, (observed, pose) => Truth(observed, pose, frames, truth, env.Camera));
            if (markSteps.Contains(taken)) marks.Add(MeasureMemory(taken, env.Memory!.Count));
            advance();
            if (r.Done) break;
        }
        return new AuditedRun(audit, taken, marks, snapshots, actions, retrieved);
    }

    /// <summary>
    /// Scores the frame just stored against <paramref name="before"/>, the memory as it stood before the step; the ground
    /// truth of stored entries is cached by id in <paramref name="truthById"/>, and dropped for entries since replaced.
    /// </summary>
    private static void AuditTarget(RetrievalAudit audit, SpatialMemory before, RtfmEnvironment env, Dictionary<long, Frame> truthById, Func<Frame, Pose, Frame> truthOf)
    {
        // Replaced entries' ground truth is dropped, so the cache does not swell the memory figures.
        foreach (long gone in truthById.Keys.Where(id => !before.TryGet(id, out _)).ToArray()) truthById.Remove(gone);
        audit.Add(before, env.Pose, truthOf(env.LastFrame!, env.Pose), env.Camera, e => truthById.TryGetValue(e.Id, out Frame? f) ? f : truthById[e.Id] = truthOf(e.Frame, e.Pose));
    }

    /// <summary>The ground truth with depth at <paramref name="pose"/>: <paramref name="observed"/> itself when it is ground truth with depth, else drawn by <paramref name="truth"/>.</summary>
    private static Frame Truth(Frame observed, Pose pose, IFrameSource frames, GroundTruthRenderer truth, CameraIntrinsics camera) =>
        frames is GroundTruthRenderer && observed.Depth is not null
            ? observed
            : truth.Render(new FrameRequest(pose, camera, FrameChannels.Rgb | FrameChannels.Depth));

    /// <summary>Bank size and process memory at <paramref name="step"/> of the audited run.</summary>
    private static MemoryMark MeasureMemory(int step, int bankSize)
    {
        // A full collection first: the live heap, not whatever garbage the last collection left. Each
        // latency window ends before it; the next one (of 10, 100, 1000, 10000) starts well after it,
        // so only a last step closer than the window to the one before (short runs) sees its cost.
        long live = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new MemoryMark(step, bankSize, process.WorkingSet64 / (1024.0 * 1024.0), live / (1024.0 * 1024.0));
    }
}
