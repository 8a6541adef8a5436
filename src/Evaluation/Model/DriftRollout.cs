using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;
using RtfmGym.Imaging;
using RtfmGym.Model;
using RtfmGym.Model.Frames;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// Runs the drift measurement (<see cref="DriftResult"/>): the <see cref="ModelFrameSource"/> and a
/// default <see cref="SpatialMemory"/> driven through the environment's <see cref="ObservationPipeline"/>
/// (seed views at reset, ground-truth first frame, then per step: retrieve, generate, insert), along a
/// <see cref="DriftPath"/> in a held-out six-room world.
/// </summary>
public static class DriftRollout
{
    /// <summary>Steps at which the figures are reported (those reached, and the last step).</summary>
    public static IReadOnlyList<int> ReportSteps { get; } = [1, 10, 25, 50, 100, 200];

    private const int WorldCandidates = 16, Rooms = 6, DefaultSteps = 200;

    /// <summary>
    /// Rolls out <paramref name="options"/>.DriftSteps steps, then, with <see cref="ModelEvalOptions.DriftCapture"/>, walks them
    /// again with the world's capture in memory; <paramref name="onStep"/> is called after each step of either walk.
    /// </summary>
    public static (DriftResult Result, CapturedDrift? Captured, DriftStrip Strip) Run(FrameModel model, ModelEvalOptions options, CameraIntrinsics camera, float height,
        Action? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        // Chosen for the longest default rollout, so shorter ones walk a prefix of the same path.
        var (world, path) = PickWorld(options.Seed, Math.Max(options.DriftSteps, DefaultSteps), height);
        int steps = Math.Min(options.DriftSteps, path.Count - 1);
        ulong episodeSeed = Rng.Derive(options.Seed, "drift episode").NextUInt64();
        Pose[] walk = path.Take(steps + 1).ToArray();
        Trace trace = Walk(model, options, world, walk, camera, episodeSeed, options.DriftReference, [], onStep);
        CapturedDrift? captured = null;
        Trace? capturedTrace = null;
        if (options.DriftCapture is { } capture)
        {
            var settings = new CameraSettings { MountHeight = height };
            Pose[] poses = capture.Poses(world, DriftPath.AgentRadius).Select(p => p.ToCamera(settings)).ToArray();
            // The same noise per step and the same reference: only the memory's contents differ.
            capturedTrace = Walk(model, options, world, walk, camera, episodeSeed, reference: false, poses, onStep) with { Reference = trace.Reference };
            captured = new CapturedDrift(capture.Spacing, capture.Headings, poses.Length, Measure(capturedTrace, world.Seed, path, steps));
        }
        int[] stripSteps = StripSteps(steps);
        var strip = new DriftStrip(stripSteps, stripSteps.Select(s => trace.Generated[s]).ToArray(), stripSteps.Select(s => trace.Truth[s]).ToArray())
        {
            Captured = capturedTrace is null ? null : stripSteps.Select(s => capturedTrace.Generated[s]).ToArray(),
        };
        return (Measure(trace, world.Seed, path, steps), captured, strip);
    }

    /// <summary>The drift figures of the first <paramref name="steps"/> steps of <paramref name="trace"/>, walked along <paramref name="path"/> in world <paramref name="worldSeed"/>.</summary>
    private static DriftResult Measure(Trace trace, ulong worldSeed, IReadOnlyList<Pose> path, int steps)
    {
        var psnr = new double[steps];
        var ssim = new double[steps];
        var gmr = new double[steps];
        double[]? reference = trace.Reference is null ? null : new double[steps];
        double[]? referenceGmr = trace.Reference is null ? null : new double[steps];
        var depth = new double[steps];
        double[]? referenceDepth = trace.Reference is null ? null : new double[steps];
        int collapsed = 0;
        double lagSum = 0, referenceLagSum = 0;
        for (int step = 1; step <= steps; step++)
        {
            Frame frame = trace.Generated[step], truth = trace.Truth[step];
            lagSum += Lag(trace.Truth, frame, step);
            psnr[step - 1] = Capped(ImageMetrics.Psnr(frame, truth));
            ssim[step - 1] = ImageMetrics.Ssim(frame, truth);
            gmr[step - 1] = SharpnessMetrics.Gmr(frame, truth);
            depth[step - 1] = DepthMetrics.AbsRel(frame, truth);
            if (SharpnessMetrics.IsCollapsed(frame, truth)) collapsed++;
            if (trace.Reference is { } r)
            {
                referenceDepth![step - 1] = DepthMetrics.AbsRel(r[step], truth);
                reference![step - 1] = Capped(ImageMetrics.Psnr(r[step], truth));
                referenceLagSum += Lag(trace.Truth, r[step], step);
                referenceGmr![step - 1] = SharpnessMetrics.Gmr(r[step], truth);
            }
        }
        int[] report = ReportSteps.Where(s => s <= steps).Append(steps).Where(s => s >= 1).Distinct().ToArray();
        var points = report.Select(s => new DriftPoint(s, psnr[s - 1], ssim[s - 1], gmr[s - 1], reference?[s - 1], referenceGmr?[s - 1],
            reference is null ? null : reference[s - 1] - psnr[s - 1])).ToArray();
        double metres = 0;
        for (int i = 1; i <= steps; i++) metres += System.Numerics.Vector3.Distance(path[i].Position, path[i - 1].Position);
        double[]? gaps = reference?.Select((r, i) => r - psnr[i]).ToArray();
        return new DriftResult(worldSeed, steps, Math.Round(metres, 2), points,
            Average(psnr), Average(ssim), Average(gmr), collapsed,
            reference is null || steps == 0 ? null : reference.Average(), gaps is null || steps == 0 ? null : gaps.Average(), gaps is null || steps == 0 ? null : gaps.Max(),
            psnr, gmr, reference, steps == 0 ? 0 : lagSum / steps,
            reference is null || steps == 0 ? null : referenceLagSum / steps,
            MeanOrNull(depth), steps == 0 || double.IsNaN(depth[0]) ? null : depth[0], referenceDepth is null ? null : MeanOrNull(referenceDepth));
    }

    /// <summary>The mean of the finite values, or null when there is none (a model that draws no depth gives NaN at every step).</summary>
    private static double? MeanOrNull(IReadOnlyCollection<double> values) => Average(values) is var mean && double.IsNaN(mean) ? null : mean;

    /// <summary>Most steps back that <see cref="Lag"/> looks.</summary>
    internal const int MaxLag = 30;

    /// <summary>
    /// How many steps behind the camera the frame generated at <paramref name="step"/> is: the j (0 to
    /// <see cref="MaxLag"/>) whose ground truth at step − j it resembles most by PSNR, the earliest on a tie. A rollout
    /// that keeps drawing an old view while the camera moves on scores its age, however sharp it is.
    /// </summary>
    internal static int Lag(IReadOnlyList<Frame> truth, Frame generated, int step)
    {
        int best = 0;
        double bestPsnr = double.NegativeInfinity;
        for (int j = 0; j <= Math.Min(step, MaxLag); j++)
        {
            double p = ImageMetrics.Psnr(generated, truth[step - j]);
            if (p > bestPsnr) (best, bestPsnr) = (j, p);
        }
        return best;
    }

    /// <summary>
    /// Walks <paramref name="outboundSteps"/> steps out along the drift path and back along the same poses
    /// (<see cref="OutAndBackResult"/>); <paramref name="onStep"/> is called after each generated step.
    /// </summary>
    public static OutAndBackResult RunOutAndBack(FrameModel model, ModelEvalOptions options, int outboundSteps, CameraIntrinsics camera, float height, Action? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(outboundSteps, 2);
        var (world, path) = PickWorld(options.Seed, Math.Max(options.DriftSteps, DefaultSteps), height);
        int n = Math.Min(outboundSteps, path.Count - 1);
        Pose[] walk = path.Take(n + 1).Concat(path.Take(n).Reverse()).ToArray();
        ulong episodeSeed = Rng.Derive(options.Seed, "out-and-back episode").NextUInt64();
        Trace trace = Walk(model, options, world, walk, camera, episodeSeed, reference: false, [], onStep);
        // Pose path[i] is step i out and step 2n − i back; the start (step 0) is the ground truth, so it is left out.
        var outbound = new List<double>();
        var back = new List<double>();
        var consistency = new List<double>();
        var outGmr = new List<double>();
        var backGmr = new List<double>();
        for (int i = 1; i < n; i++)
        {
            Frame there = trace.Generated[i], again = trace.Generated[2 * n - i], truth = trace.Truth[i];
            outbound.Add(Capped(ImageMetrics.Psnr(there, truth)));
            back.Add(Capped(ImageMetrics.Psnr(again, truth)));
            consistency.Add(Capped(ImageMetrics.Psnr(again, there)));
            outGmr.Add(SharpnessMetrics.Gmr(there, truth));
            backGmr.Add(SharpnessMetrics.Gmr(again, truth));
        }
        return new OutAndBackResult(world.Seed, n, Average(outbound), Average(back), Average(consistency), Average(outGmr), Average(backGmr),
            Average(outbound) - Average(back));
    }

    /// <summary>Frames of one rollout by step (index 0 is the reset frame): generated, ground truth, and the ground-truth-memory reference where asked.</summary>
    private sealed record Trace(IReadOnlyList<Frame> Generated, IReadOnlyList<Frame> Truth, IReadOnlyList<Frame>? Reference);

    /// <summary>
    /// The model frame source and a default <see cref="SpatialMemory"/> driven through the environment's
    /// <see cref="ObservationPipeline"/> along <paramref name="path"/>; with <paramref name="reference"/>, the same path
    /// again through a <see cref="GroundTruthMemorySource"/> (a memory of ground-truth frames, the same noise per step), so
    /// only the context differs. The model's memory starts with a ground-truth view from each of <paramref name="capture"/> (the
    /// world's capture; empty for none) besides its seed views.
    /// </summary>
    private static Trace Walk(FrameModel model, ModelEvalOptions options, World world, IReadOnlyList<Pose> path, CameraIntrinsics camera, ulong episodeSeed,
        bool reference, IReadOnlyList<Pose> capture, Action? onStep)
    {
        using var source = new ModelFrameSource(model, new ModelFrameSourceOptions { Sampler = options.Sampler });
        using var truthRenderer = new GroundTruthRenderer(new RendererOptions { Threads = 1 });
        var episode = new FrameEpisode(world, episodeSeed) { CapturePoses = capture };
        var pipeline = new ObservationPipeline(source);
        var memory = new SpatialMemory();
        pipeline.Seed(memory, episode, path[0], camera);
        ObservationPipeline? truthPipeline = reference ? new ObservationPipeline(new GroundTruthMemorySource(source, truthRenderer)) : null;
        SpatialMemory? truthMemory = reference ? new SpatialMemory() : null;
        truthPipeline?.Seed(truthMemory, episode, path[0], camera);
        var generated = new List<Frame>();
        var truths = new List<Frame>();
        var references = reference ? new List<Frame>() : null;
        for (int step = 0; step < path.Count; step++)
        {
            // Depth is asked for only to measure it: the memory keeps a generated frame's colour either way.
            var request = new FrameRequest(path[step], camera, FrameChannels.Rgb | FrameChannels.Depth, step);
            generated.Add(pipeline.Observe(new ObservationRequest(request, episode, memory)).Frame);
            truths.Add(truthRenderer.DrawOne(new ViewRequest(request, episode)).Observed);
            if (truthPipeline is not null) references!.Add(truthPipeline.Observe(new ObservationRequest(request, episode, truthMemory)).Frame);
            if (step > 0) onStep?.Invoke();
        }
        return new Trace(generated, truths, references);
    }

    private static double Average(IReadOnlyCollection<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }

    /// <summary>The first of a few held-out six-room worlds whose longest walk has <paramref name="steps"/> steps, else the one with the longest.</summary>
    private static (World World, IReadOnlyList<Pose> Path) PickWorld(ulong seed, int steps, float height)
    {
        (World, IReadOnlyList<Pose>)? best = null;
        for (int i = 0; i < WorldCandidates; i++)
        {
            ulong worldSeed = WorldSeeds.HeldOutStart + Rng.Derive(seed, $"drift world {i}").NextUInt64() % (WorldSeeds.HeldOutEnd - WorldSeeds.HeldOutStart);
            World world = WorldCache.Get(TrainingDataGenerator.WorldOptionsFor(worldSeed) with { Rooms = Rooms });
            IReadOnlyList<Pose> path = DriftPath.Build(world, seed, height);
            if (best is null || path.Count > best.Value.Item2.Count) best = (world, path);
            if (path.Count > steps) break;
        }
        if (best!.Value.Item2.Count < 1) throw new InvalidOperationException("No held-out world had a walkable path for the drift rollout.");
        return best.Value;
    }

    /// <summary>Up to seven steps for the image: the report steps reached, or evenly spaced ones on short rollouts.</summary>
    private static int[] StripSteps(int steps)
    {
        int[] reached = ReportSteps.Where(s => s <= steps).ToArray();
        if (reached.Length >= 4) return reached.Append(steps).Distinct().ToArray();
        int n = Math.Min(steps, 6);
        return Enumerable.Range(1, n).Select(i => (int)Math.Round((double)i * steps / n)).Distinct().ToArray();
    }

    private static double Capped(double psnr) => Math.Min(psnr, ModelEvaluator.PsnrCap);
}
