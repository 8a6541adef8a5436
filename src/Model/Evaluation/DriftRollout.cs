using RtfmGym.Env.Imaging;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;
using RtfmGym.Model.Frames;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Training;

namespace RtfmGym.Model.Evaluation;

/// <summary>
/// Runs the drift measurement (<see cref="DriftResult"/>): the <see cref="ModelFrameSource"/> and a
/// default <see cref="SpatialMemory"/> driven exactly as the environment drives them (seed views at
/// reset, ground-truth first frame, then per step: retrieve, generate, insert), along a
/// <see cref="DriftPath"/> in a held-out six-room world.
/// </summary>
public static class DriftRollout
{
    /// <summary>Steps at which the figures are reported (those reached, and the last step).</summary>
    public static IReadOnlyList<int> ReportSteps { get; } = [1, 10, 25, 50, 100, 200];

    private const int WorldCandidates = 16, Rooms = 6, DefaultSteps = 200;

    /// <summary>Rolls out <paramref name="options"/>.DriftSteps steps; <paramref name="onStep"/> is called after each.</summary>
    public static (DriftResult Result, DriftStrip Strip) Run(FrameModel model, ModelEvalOptions options, CameraIntrinsics camera, float height, Action? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        // Chosen for the longest default rollout, so shorter ones walk a prefix of the same path.
        var (world, path) = PickWorld(options.Seed, Math.Max(options.DriftSteps, DefaultSteps), height);
        int steps = Math.Min(options.DriftSteps, path.Count - 1);
        ulong episodeSeed = Rng.Derive(options.Seed, "drift episode").NextUInt64();
        var centre = new RigidMotion(0f, -TrainingDataGenerator.CentreOf(world));

        using var source = new ModelFrameSource(model, new ModelFrameSourceOptions { Sampler = options.Sampler });
        using var truthRenderer = new GroundTruthRenderer(new RendererOptions { Threads = 1 });
        truthRenderer.BeginEpisode(world, episodeSeed);
        source.BeginEpisode(world, episodeSeed);
        var memory = new SpatialMemory();
        SpatialMemory? truthMemory = options.DriftReference ? new SpatialMemory() : null;
        foreach (MemorySeed view in source.SeedViews(path[0], camera))
        {
            memory.Insert(view.Pose, view.Frame, 0, view.Payload);
            truthMemory?.Insert(view.Pose, view.Frame, 0, view.Payload);
        }

        var psnr = new double[steps];
        var ssim = new double[steps];
        double[]? reference = truthMemory is null ? null : new double[steps];
        int[] stripSteps = StripSteps(steps);
        var generated = new List<Frame>();
        var truths = new List<Frame>();
        for (int step = 0; step <= steps; step++)
        {
            var request = new FrameRequest(path[step], camera, FrameChannels.Rgb, step);
            Frame frame = source.Render(request, Retrieve(memory, path[step], camera));
            memory.Insert(path[step], source.MemoryFrame(frame), step, source.LastPayload);
            Frame truth = truthRenderer.Render(request);
            if (truthMemory is not null)
            {
                if (step > 0)
                {
                    // The same noise as the source draws for this step, so only the context differs.
                    ulong noise = Rng.Derive(episodeSeed, $"frame {step}").NextUInt64();
                    var context = Retrieve(truthMemory, path[step], camera).Take(model.Config.MaxContext).Select(e => (ContextFrame)e.Payload!).ToArray();
                    reference![step - 1] = Capped(ImageMetrics.Psnr(model.Generate(context, centre.Apply(path[step]), camera, options.Sampler, noise), truth));
                }
                truthMemory.Insert(path[step], truth, step, model.EncodeContext(truth, centre.Apply(path[step]), camera));
            }
            if (step == 0) continue;
            psnr[step - 1] = Capped(ImageMetrics.Psnr(frame, truth));
            ssim[step - 1] = ImageMetrics.Ssim(frame, truth);
            if (stripSteps.Contains(step)) { generated.Add(frame); truths.Add(truth); }
            onStep?.Invoke();
        }

        int[] report = ReportSteps.Where(s => s <= steps).Append(steps).Where(s => s >= 1).Distinct().ToArray();
        var points = report.Select(s => new DriftPoint(s, psnr[s - 1], ssim[s - 1], reference?[s - 1])).ToArray();
        double metres = 0;
        for (int i = 1; i <= steps; i++) metres += System.Numerics.Vector3.Distance(path[i].Position, path[i - 1].Position);
        var result = new DriftResult(world.Seed, steps, Math.Round(metres, 2), points,
            steps == 0 ? double.NaN : psnr.Average(), steps == 0 ? double.NaN : ssim.Average(),
            reference is null || steps == 0 ? null : reference.Average(), psnr, reference);
        return (result, new DriftStrip(stripSteps, generated, truths));
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

    private static IReadOnlyList<MemoryEntry> Retrieve(SpatialMemory memory, Pose pose, CameraIntrinsics camera) =>
        memory.Count == 0 ? [] : memory.Retrieve(pose, camera).Select(s => s.Entry).ToArray();

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
