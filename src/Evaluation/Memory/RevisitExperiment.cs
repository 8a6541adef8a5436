using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;
using RtfmGym.Imaging;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// Revisit error vs gap. Each episode starts at the scenario's start and walks
/// <see cref="WarmUpSteps"/> steps to the revisit pose, whose frame there is the first visit:
/// a learned source draws its reset frame from the ground truth, so a first visit at the start
/// would be the ground truth itself. Then, for each gap, a loop planned by
/// <see cref="RevisitPlanner"/> from that pose and back is drawn twice from an empty memory,
/// once with the default spatial memory (field-of-view coverage) and once with a sliding window
/// of the last frames; the return frame is compared with the first-visit frame and with the
/// ground truth. The walk and the loops depend only on the world, the poses, the gaps and the
/// seed, so both memories walk them step for step.
/// </summary>
public static class RevisitExperiment
{
    /// <summary>Steps from the episode's start to the first visit of the revisit pose.</summary>
    public const int WarmUpSteps = 16;

    /// <summary>
    /// The memories compared, named by their retrieval rule: the default memory, and the baseline of
    /// a sliding window, the last 8 frames. The baseline's slots are 2 cm and 1 degree, so that nearly
    /// every frame keeps its own entry: with the default 0.5 m and 30 degree slots, a robot turning on
    /// the spot would leave one entry per three frames and the "window" would reach back further.
    /// </summary>
    public static IReadOnlyList<Func<SpatialMemory>> Memories { get; } =
    [
        () => new SpatialMemory(),
        () => new SpatialMemory(new SpatialMemoryOptions { CellSize = 0.02f, HeadingBins = 360 }, new SlidingWindowRule()),
    ];

    /// <summary>
    /// The <see cref="WarmUpSteps"/> + 1 poses from <paramref name="start"/> (the episode's start) to the
    /// revisit pose, the last one: the first steps of a seeded walk away from the start.
    /// </summary>
    public static IReadOnlyList<FloorPose> WarmUp(Scenario scenario, World world, FloorPose start, long episodeSeed)
    {
        // A loop long enough that its first steps all lead away from the start.
        RevisitPlan walk = RevisitPlanner.Plan(world, scenario.AgentRadius, start, 8 * WarmUpSteps, MotionLimits.For(scenario.Action),
            Rng.Derive((ulong)episodeSeed, "revisit warm-up"));
        return walk.Poses.Take(WarmUpSteps + 1).ToArray();
    }

    /// <summary>
    /// Runs every gap of <paramref name="gaps"/> after the walk <paramref name="warmUp"/> (from <see cref="WarmUp"/>)
    /// with <paramref name="frames"/>; <paramref name="truth"/> draws the ground truth.
    /// <paramref name="advance"/> is called once per frame drawn.
    /// </summary>
    public static IReadOnlyList<RevisitRow> Run(Scenario scenario, IFrameSource frames, IFrameSource truth, World world, long episodeSeed,
        IReadOnlyList<FloorPose> warmUp, IReadOnlyList<int> gaps, Action advance)
    {
        CameraIntrinsics camera = scenario.Camera.Intrinsics();
        FrameChannels channels = FrameChannels.Rgb | (scenario.Observations.Contains("depth") ? FrameChannels.Depth : 0);
        FloorPose home = warmUp[^1];
        int firstVisit = warmUp.Count - 1;
        Frame truthFrame = truth.DrawOne(new ViewRequest(new FrameRequest(home.ToCamera(scenario.Camera), camera), new FrameEpisode(world, (ulong)episodeSeed))).Observed;
        MotionLimits limits = MotionLimits.For(scenario.Action);
        // A source that draws from context starts from the scenario's capture of the world, as in the environment.
        IReadOnlyList<Pose> capture = frames.DrawsFromContext ? scenario.CapturePoses(world) : [];
        var rows = new List<RevisitRow>();
        foreach (int gap in gaps)
        {
            RevisitPlan plan = RevisitPlanner.Plan(world, scenario.AgentRadius, home, gap, limits, Rng.Derive((ulong)episodeSeed, $"revisit gap {gap}"));
            // The walk to the first visit, then the loop (whose first pose is the first visit itself).
            FloorPose[] poses = [.. warmUp, .. plan.Poses.Skip(1)];
            foreach (Func<SpatialMemory> make in Memories)
            {
                var rollout = new MemoryRollout(frames, make(), camera, channels);
                rollout.Begin(world, (ulong)episodeSeed, poses[0].ToCamera(scenario.Camera), capture);
                Frame first = null!, back = null!;
                for (int t = 0; t < poses.Length; t++)
                {
                    back = rollout.Observe(poses[t].ToCamera(scenario.Camera), t);
                    if (t == firstVisit) first = back;
                    advance();
                }
                rows.Add(new RevisitRow(gap, rollout.Memory.Rule.Name,
                    ImageMetrics.Psnr(back.Rgb, first.Rgb), ImageMetrics.Psnr(back.Rgb, truthFrame.Rgb), SharpnessMetrics.Gmr(back, truthFrame),
                    rollout.LastRetrieved.Select(s => s.Entry.Step - firstVisit).ToArray(), plan.TurnaroundStep, plan.FarthestDistance));
            }
        }
        return rows;
    }
}
