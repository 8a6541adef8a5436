using System.Diagnostics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Worlds;
using RtfmGym.Imaging;
using RtfmGym.Model;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// Fidelity of a frame model on worlds it never trained on: for each kind and
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

    /// <summary>Figures per view count and sample: model PSNR, SSIM, GMR, fineR², seam ratio; nearest PSNR, SSIM; truth seam ratio; oracle PSNR, coverage; model and nearest depth error.</summary>
    private const int Figures = 12;

    /// <summary>Evaluates <paramref name="model"/> at its training image size.</summary>
    /// <exception cref="ArgumentException">An option is invalid or asks for more views than the model takes.</exception>
    public static ModelEvalResult Run(FrameModel model, ModelEvalOptions options, IProgress<EvaluationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Views[^1] > model.Config.MaxContext)
            throw new ArgumentOutOfRangeException(nameof(options), $"The evaluation asks for {options.Views[^1]} context views but the model takes at most {model.Config.MaxContext}.");
        var clock = Stopwatch.StartNew();
        // Copy samples show the target's exact view: the cleanest test of passing detail through.
        var data = new TrainingDataGenerator(new TrainingDataOptions { ImageSize = model.Config.ImageSize, NearCopyShare = 0 }, options.Seed, heldOut: true);
        World[] worlds = Enumerable.Range(0, options.Worlds).Select(i => WorldCache.Get(TrainingDataGenerator.WorldOptionsFor(HeldOutSeed(options.Seed, i)))).ToArray();
        var cells = new List<FidelityCell>();
        var rows = new List<ComparisonRow>();
        foreach (SampleKind kind in options.Kinds)
            cells.AddRange(Fidelity(model, options, data, worlds, kind, rows, new StageProgress(progress, $"{Name(kind)} samples", options.SamplesPerCell).Advance));

        DriftResult? drift = null;
        CapturedDrift? captured = null;
        DriftStrip? strip = null;
        if (options.DriftSteps > 0)
        {
            var stage = new StageProgress(progress, options.DriftCapture is null ? "drift rollout" : "drift rollout, then with a capture", options.DriftCapture is null ? options.DriftSteps : 2 * options.DriftSteps);
            (drift, captured, strip) = DriftRollout.Run(model, options, data.Camera, data.Options.CameraHeight, stage.Advance);
            stage.Finish();
        }
        OutAndBackResult? outAndBack = null;
        if (options.OutAndBackSteps > 0)
        {
            var stage = new StageProgress(progress, "out and back", 2 * options.OutAndBackSteps);
            outAndBack = DriftRollout.RunOutAndBack(model, options, options.OutAndBackSteps, data.Camera, data.Options.CameraHeight, stage.Advance);
            stage.Finish();
        }
        if (options.ImagePath is not null && (rows.Count > 0 || strip is { Steps.Count: > 0 }))
        {
            string title = FormattableString.Invariant($"{model.Config.Preset} model on held-out worlds, {model.Config.ImageSize}px, {options.Sampler.Steps} sampler steps (PSNR under each frame)");
            ComparisonSheet.Write(options.ImagePath, title, rows, strip);
        }
        return new ModelEvalResult(model.Config.Preset, model.Config.ImageSize, options.Sampler.Steps, options.SamplesPerCell, options.Seed,
            worlds.Length, cells, drift, outAndBack, captured, options.ImagePath, Math.Round(clock.Elapsed.TotalSeconds, 1), ModelEvalSummary.From(cells, drift, outAndBack, captured));
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
        var figures = new double[views.Count, samples, Figures];
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
                Score(model, options, kind, start + j, examples[j], figures, rows);
                sampleDone();
            }
        }
        for (int v = 0; v < views.Count; v++)
        {
            double M(int figure) => Mean(figures, v, figure);
            double? Defined(int figure) => double.IsNaN(M(figure)) ? null : M(figure);
            yield return new FidelityCell(kind, views[v], samples, M(0), M(1), M(5), M(6), Defined(2), Defined(3), Defined(4), Defined(7), M(8), M(9),
                Defined(10), Defined(11));
        }
    }

    /// <summary>
    /// Scores sample <paramref name="s"/> at every view count into <paramref name="figures"/>: the model's frame and the
    /// nearest-frame copy and the copy oracle against the target; the first samples of the image's view count also go into <paramref name="rows"/>.
    /// </summary>
    private static void Score(FrameModel model, ModelEvalOptions options, SampleKind kind, int s, TrainingExample e, double[,,] figures, List<ComparisonRow> rows)
    {
        IReadOnlyList<int> views = options.Views;
        int maxViews = views[^1];
        int imageViews = views.LastOrDefault(v => v <= 4, views[0]);
        ContextFrame[] encoded = e.ContextFrames.Select((f, i) => model.EncodeContext(f, e.Centred.Apply(e.ContextPoses[i]), e.Camera)).ToArray();
        Pose[] poses = e.ContextPoses.ToArray();
        ulong noise = Rng.Derive(options.Seed, $"noise {Name(kind)} {s}").NextUInt64();
        double truthSeams = SharpnessMetrics.SeamRatio(e.Target);
        for (int v = 0; v < views.Count; v++)
        {
            // Walks keep their last k frames (a sliding window); the other kinds their first k views.
            Range picked = kind == SampleKind.Trajectory ? (maxViews - views[v])..maxViews : 0..views[v];
            Frame generated = model.Generate(encoded[picked], e.Centred.Apply(e.TargetPose), e.Camera, options.Sampler, noise);
            Frame nearest = e.ContextFrames[picked.Start.Value + NearestFrame.Index(poses[picked], e.TargetPose)];
            var (oracle, covered) = PatchCopyOracle.Draw(e with { ContextPoses = poses[picked], ContextFrames = e.ContextFrames.Take(picked).ToArray() });
            double[] row =
            [
                Math.Min(PsnrCap, ImageMetrics.Psnr(generated, e.Target)), ImageMetrics.Ssim(generated, e.Target),
                SharpnessMetrics.Gmr(generated, e.Target), SharpnessMetrics.FineR2(generated, e.Target), SharpnessMetrics.SeamRatio(generated),
                Math.Min(PsnrCap, ImageMetrics.Psnr(nearest, e.Target)), ImageMetrics.Ssim(nearest, e.Target), truthSeams,
                Math.Min(PsnrCap, ImageMetrics.Psnr(oracle, e.Target)), covered,
                DepthMetrics.AbsRel(generated, e.Target), DepthMetrics.AbsRel(nearest, e.Target),
            ];
            for (int f = 0; f < Figures; f++) figures[v, s, f] = row[f];
            if (views[v] == imageViews && s < ImageSamplesPerKind && kind != SampleKind.Trajectory)
                rows.Add(new ComparisonRow($"{Name(kind)} {s}", e.ContextFrames.Take(views[v]).ToArray(), generated, nearest, e.Target));
        }
    }

    /// <summary>Mean of one figure over the samples where it is defined (NaN where it is nowhere).</summary>
    private static double Mean(double[,,] values, int row, int figure)
    {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.GetLength(1); i++)
        {
            double x = values[row, i, figure];
            if (double.IsFinite(x)) { sum += x; n++; }
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
