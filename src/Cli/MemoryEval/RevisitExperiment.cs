using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Memory.Evaluation;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Cli.MemoryEval;

/// <summary>
/// Revisit error vs gap (metrics item 4): for each gap, a loop planned by
/// <see cref="RevisitPlanner"/> from the pose and back, drawn twice from an empty memory, once with
/// the default spatial memory (field-of-view coverage) and once with a sliding window of the last
/// frames; the return frame is compared with the first-visit frame and with the ground truth.
/// The loop depends only on the world, the pose, the gap and the seed, so both memories walk it
/// step for step.
/// </summary>
public static class RevisitExperiment
{
    /// <summary>
    /// The memories compared, named by their retrieval rule: the default memory, and the baseline of
    /// metrics item 4, the last 8 frames. The baseline's slots are 2 cm and 1 degree, so that nearly
    /// every frame keeps its own entry: with the default 0.5 m and 30 degree slots, a robot turning on
    /// the spot would leave one entry per three frames and the "window" would reach back further.
    /// </summary>
    public static IReadOnlyList<Func<SpatialMemory>> Memories { get; } =
    [
        () => new SpatialMemory(),
        () => new SpatialMemory(new SpatialMemoryOptions { CellSize = 0.02f, HeadingBins = 360 }, new SlidingWindowRule()),
    ];

    /// <summary>
    /// Runs every gap of <paramref name="gaps"/> from <paramref name="start"/> with <paramref name="frames"/>;
    /// <paramref name="truth"/> must have begun the episode in <paramref name="world"/>.
    /// <paramref name="advance"/> is called once per frame drawn.
    /// </summary>
    public static IReadOnlyList<RevisitRow> Run(Scenario scenario, IFrameSource frames, IFrameSource truth, World world, long episodeSeed,
        FloorPose start, IReadOnlyList<int> gaps, Action advance)
    {
        CameraIntrinsics camera = scenario.Camera.Intrinsics();
        FrameChannels channels = FrameChannels.Rgb | (scenario.Observations.Contains("depth") ? FrameChannels.Depth : 0);
        Pose home = start.ToCamera(scenario.Camera);
        byte[] truthRgb = truth.Render(new FrameRequest(home, camera)).Rgb;
        MotionLimits limits = MotionLimits.For(scenario.Action);
        var rows = new List<RevisitRow>();
        foreach (int gap in gaps)
        {
            RevisitPlan plan = RevisitPlanner.Plan(world, scenario.AgentRadius, start, gap, limits, Rng.Derive((ulong)episodeSeed, $"revisit gap {gap}"));
            foreach (Func<SpatialMemory> make in Memories)
            {
                var rollout = new MemoryRollout(frames, make(), camera, channels);
                rollout.Begin(world, (ulong)episodeSeed, home);
                Frame first = rollout.Observe(plan.Poses[0].ToCamera(scenario.Camera), 0);
                advance();
                Frame back = first;
                for (int t = 1; t <= plan.Gap; t++)
                {
                    back = rollout.Observe(plan.Poses[t].ToCamera(scenario.Camera), t);
                    advance();
                }
                rows.Add(new RevisitRow(gap, rollout.Memory.Rule.Name,
                    ImageMetrics.Psnr(back.Rgb, first.Rgb), ImageMetrics.Psnr(back.Rgb, truthRgb),
                    rollout.LastRetrieved.Select(s => s.Entry.Step).ToArray(), plan.TurnaroundStep, plan.FarthestDistance));
            }
        }
        return rows;
    }
}
