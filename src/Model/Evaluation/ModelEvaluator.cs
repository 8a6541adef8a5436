using RtfmGym.Env.Imaging;
using System.Diagnostics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Worlds;
using RtfmGym.Model.Training;

namespace RtfmGym.Model.Evaluation;

/// <summary>
/// Fidelity of a frame model on worlds it never trained on (metrics items 1 to 3): for each kind and
/// number of context views, mean PSNR and SSIM of the generated frame against the ground truth beside
/// the nearest-frame copy; the trajectory kind gives the model the last k frames of a walk (the sliding
/// window); then the drift of an autoregressive rollout (<see cref="DriftRollout"/>). Every sample is a
/// pure function of the options' seed, so two runs of the same checkpoint give the same figures on the
/// same machine kind. Each sample draws its largest context once and the smaller ones are nested in it
/// (the first k views; for walks the last k), with the same target and noise, so rows are paired.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>Per-sample PSNR above this (dB) counts as this in means, so an exact copy cannot make a mean infinite.</summary>
    public const double PsnrCap = 100;

    /// <summary>Samples of each of interpolation and extrapolation shown in the comparison image.</summary>
    public const int ImageSamplesPerKind = 2;

    private const int Chunk = 8;

    /// <summary>Evaluates <paramref name="model"/> at its training image size.</summary>
    /// <exception cref="ArgumentException">An option is invalid or asks for more views than the model takes.</exception>
    public static ModelEvalResult Run(FrameModel model, ModelEvalOptions options, IProgress<ModelEvalProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Views[^1] > model.Config.MaxContext)
            throw new ArgumentOutOfRangeException(nameof(options), $"The evaluation asks for {options.Views[^1]} context views but the model takes at most {model.Config.MaxContext}.");
        var clock = Stopwatch.StartNew();
        var data = new TrainingDataGenerator(new TrainingDataOptions { ImageSize = model.Config.ImageSize }, options.Seed, heldOut: true);
        World[] worlds = Enumerable.Range(0, options.Worlds).Select(i => WorldCache.Get(TrainingDataGenerator.WorldOptionsFor(HeldOutSeed(options.Seed, i)))).ToArray();
        int total = options.Kinds.Count * options.SamplesPerCell + options.DriftSteps;
        int done = 0;
        void Report(string stage) => progress?.Report(new ModelEvalProgress(done, total, stage));

        var cells = new List<FidelityCell>();
        var rows = new List<ComparisonRow>();
        foreach (SampleKind kind in options.Kinds)
            cells.AddRange(Fidelity(model, options, data, worlds, kind, rows, () => { done++; Report($"{Name(kind)} samples"); }));

        DriftResult? drift = null;
        DriftStrip? strip = null;
        if (options.DriftSteps > 0)
        {
            Report("drift rollout");
            (drift, strip) = DriftRollout.Run(model, options, data.Camera, data.Options.CameraHeight, () => { done++; Report("drift rollout"); });
        }
        if (options.ImagePath is not null && (rows.Count > 0 || strip is { Steps.Count: > 0 }))
        {
            string title = FormattableString.Invariant($"{model.Config.Preset} model on held-out worlds, {model.Config.ImageSize}px, {options.Sampler.Steps} sampler steps (PSNR under each frame)");
            ComparisonSheet.Write(options.ImagePath, title, rows, strip);
        }
        return new ModelEvalResult(model.Config.Preset, model.Config.ImageSize, options.Sampler.Steps, options.SamplesPerCell, options.Seed,
            worlds.Length, cells, drift, options.ImagePath, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    /// <summary>The lower-case name of a kind as the table and JSON print it.</summary>
    public static string Name(SampleKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The <paramref name="index"/>th held-out world seed of an evaluation with <paramref name="seed"/>.</summary>
    public static ulong HeldOutSeed(ulong seed, int index) =>
        WorldSeeds.HeldOutStart + Rng.Derive(seed, $"eval world {index}").NextUInt64() % (WorldSeeds.HeldOutEnd - WorldSeeds.HeldOutStart);

    private static IEnumerable<FidelityCell> Fidelity(FrameModel model, ModelEvalOptions options, TrainingDataGenerator data, World[] worlds,
        SampleKind kind, List<ComparisonRow> rows, Action sampleDone)
    {
        IReadOnlyList<int> views = options.Views;
        int maxViews = views[^1], samples = options.SamplesPerCell;
        int imageViews = views.LastOrDefault(v => v <= 4, views[0]);
        var modelPsnr = new double[views.Count, samples];
        var modelSsim = new double[views.Count, samples];
        var nearPsnr = new double[views.Count, samples];
        var nearSsim = new double[views.Count, samples];
        for (int start = 0; start < samples; start += Chunk)
        {
            int count = Math.Min(Chunk, samples - start);
            var examples = new TrainingExample[count];
            Parallel.For(0, count, j =>
            {
                int s = start + j;
                examples[j] = data.Example(worlds[s % worlds.Length], Rng.Derive(options.Seed, $"sample {Name(kind)} {s}"), maxViews, kind);
            });
            for (int j = 0; j < count; j++)
            {
                int s = start + j;
                TrainingExample e = examples[j];
                ContextFrame[] encoded = e.ContextFrames.Select((f, i) => model.EncodeContext(f, e.Centred.Apply(e.ContextPoses[i]), e.Camera)).ToArray();
                Pose[] poses = e.ContextPoses.ToArray();
                ulong noise = Rng.Derive(options.Seed, $"noise {Name(kind)} {s}").NextUInt64();
                for (int v = 0; v < views.Count; v++)
                {
                    // Walks keep their last k frames (a sliding window); the other kinds their first k views.
                    Range picked = kind == SampleKind.Trajectory ? (maxViews - views[v])..maxViews : 0..views[v];
                    Frame generated = model.Generate(encoded[picked], e.Centred.Apply(e.TargetPose), e.Camera, options.Sampler, noise);
                    Frame nearest = e.ContextFrames[picked.Start.Value + NearestFrame.Index(poses[picked], e.TargetPose)];
                    modelPsnr[v, s] = Math.Min(PsnrCap, ImageMetrics.Psnr(generated, e.Target));
                    modelSsim[v, s] = ImageMetrics.Ssim(generated, e.Target);
                    nearPsnr[v, s] = Math.Min(PsnrCap, ImageMetrics.Psnr(nearest, e.Target));
                    nearSsim[v, s] = ImageMetrics.Ssim(nearest, e.Target);
                    if (views[v] == imageViews && s < ImageSamplesPerKind && kind != SampleKind.Trajectory)
                        rows.Add(new ComparisonRow($"{Name(kind)} {s}", e.ContextFrames.Take(views[v]).ToArray(), generated, nearest, e.Target));
                }
                sampleDone();
            }
        }
        for (int v = 0; v < views.Count; v++)
            yield return new FidelityCell(kind, views[v], samples, Mean(modelPsnr, v), Mean(modelSsim, v), Mean(nearPsnr, v), Mean(nearSsim, v));
    }

    private static double Mean(double[,] values, int row)
    {
        double sum = 0;
        int n = values.GetLength(1);
        for (int i = 0; i < n; i++) sum += values[row, i];
        return sum / n;
    }
}
