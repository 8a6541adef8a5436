using System.Diagnostics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Sampling;

namespace RtfmGym.Model.Benchmarks;

/// <summary>
/// Frame-model latency: for each image size and denoising step count, the time to
/// generate one frame from a full context, split into gathering the context, each denoising step and
/// decoding, beside encoding one frame into the memory. Context frames are seeded noise images at
/// poses around the origin: the network does the same work whatever the pixels and weights, so an
/// untrained model of the same shape times the same as a trained one. <see cref="RunBatched"/> measures the
/// frames/s of drawing many environments' frames per call. A benchmark, not a test.
/// </summary>
public static class FrameModelBenchmark
{
    /// <summary>Measures <paramref name="model"/> on its device; <paramref name="onMeasured"/> is called after each (size, steps) pair.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid or a size does not suit the model.</exception>
    public static IReadOnlyList<GenerationTiming> Run(FrameModel model, FrameModelBenchmarkOptions options, Action<GenerationTiming>? onMeasured = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var results = new List<GenerationTiming>();
        foreach (int size in options.Sizes)
        {
            model.Config.CheckImageSize(size, size);
            var camera = CameraIntrinsics.FromVerticalFov(size, size, MathF.PI / 2);
            var rng = new Rng(1);
            ContextFrame[] context = Enumerable.Range(0, options.ContextFrames)
                .Select(i => model.EncodeContext(NoiseFrame(size, rng), Pose.FromYawPitchRoll(0.3f * i, 1.25f, 0f, 0.5f * i), camera)).ToArray();
            Frame sample = NoiseFrame(size, rng);
            Pose target = Pose.FromYawPitchRoll(0.1f, 1.25f, 0.2f, 0.3f);
            var encodeMs = new List<double>();
            for (int i = 0; i < options.WarmupFrames + options.Frames; i++)
            {
                var clock = Stopwatch.StartNew();
                model.EncodeContext(sample, target, camera);
                if (i >= options.WarmupFrames) encodeMs.Add(clock.Elapsed.TotalMilliseconds);
            }
            foreach (int steps in options.SamplerSteps)
            {
                var settings = new SamplerSettings(steps);
                for (int i = 0; i < options.WarmupFrames; i++) model.Generate(context, target, camera, settings, (ulong)i);
                var profiles = new List<GenerationProfile>();
                var frameMs = new List<double>();
                var wall = Stopwatch.StartNew();
                for (int i = 0; i < options.Frames; i++)
                {
                    var profile = new GenerationProfile();
                    var clock = Stopwatch.StartNew();
                    model.Generate(context, target, camera, settings, (ulong)i, profile);
                    frameMs.Add(clock.Elapsed.TotalMilliseconds);
                    profiles.Add(profile);
                }
                double seconds = wall.Elapsed.TotalSeconds;
                var timing = new GenerationTiming(size, context.Length, steps, Round(options.Frames / seconds), Round(Median(frameMs)), Round(Median(encodeMs)),
                    Round(Median(profiles.Select(p => p.PrepareMs))), Enumerable.Range(0, steps).Select(s => Round(Median(profiles.Select(p => p.StepMs[s])))).ToArray(),
                    Round(Median(profiles.Select(p => p.DecodeMs))));
                results.Add(timing);
                onMeasured?.Invoke(timing);
            }
        }
        return results;
    }

    /// <summary>
    /// Generated frames/s when <paramref name="model"/> draws the frames of N environments per call (a vector environment of N
    /// learned worlds: <see cref="FrameModel.Generate(IReadOnlyList{GenerationRequest}, SamplerSettings?)"/>, then
    /// <see cref="FrameModel.EncodeContext(IReadOnlyList{ContextRequest})"/> of the new frames), at
    /// <see cref="FrameModelBenchmarkOptions.BatchSize"/> for each of <see cref="FrameModelBenchmarkOptions.BatchEnvs"/>, side by side:
    /// the sizes take turns, round after round, so a machine whose speed drifts slows them alike. Each environment has its own
    /// target pose, seed and context frames.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid or the size does not suit the model.</exception>
    public static IReadOnlyList<BatchedTiming> RunBatched(FrameModel model, FrameModelBenchmarkOptions options, SamplerSettings? sampler = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        sampler ??= SamplerSettings.Default;
        int size = options.BatchSize;
        model.Config.CheckImageSize(size, size);
        var camera = CameraIntrinsics.FromVerticalFov(size, size, MathF.PI / 2);
        var rng = new Rng(2);
        int largest = options.BatchEnvs.Max();
        var requests = Enumerable.Range(0, largest).Select(e =>
        {
            ContextFrame[] context = Enumerable.Range(0, options.ContextFrames)
                .Select(i => model.EncodeContext(NoiseFrame(size, rng), Pose.FromYawPitchRoll(0.3f * i + 0.1f * e, 1.25f, 0.05f * e, 0.5f * i), camera)).ToArray();
            return new GenerationRequest(context, Pose.FromYawPitchRoll(0.1f + 0.07f * e, 1.25f, 0.2f, 0.3f + 0.2f * e), camera, (ulong)e);
        }).ToArray();

        int rounds = Math.Clamp(options.Frames / 5, 1, 4);
        var generateSeconds = new double[options.BatchEnvs.Count];
        var encodeSeconds = new double[options.BatchEnvs.Count];
        var generateCpuSeconds = new double[options.BatchEnvs.Count];
        var frames = new int[options.BatchEnvs.Count];
        var roundRates = options.BatchEnvs.Select(_ => new List<double>()).ToArray();
        for (int round = -1; round < rounds; round++) // round -1 warms up and is not counted
        {
            for (int k = 0; k < options.BatchEnvs.Count; k++)
            {
                int envs = options.BatchEnvs[k];
                GenerationRequest[] batch = requests.Take(envs).ToArray();
                int calls = Math.Max(1, (int)Math.Ceiling((double)options.Frames / (rounds * envs)));
                double generate = 0, encode = 0, generateCpu = 0;
                for (int c = 0; c < calls; c++)
                {
                    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    long start = Stopwatch.GetTimestamp();
                    IReadOnlyList<Frame> drawn = model.Generate(batch, sampler);
                    generate += Stopwatch.GetElapsedTime(start).TotalSeconds;
                    generateCpu += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                    start = Stopwatch.GetTimestamp();
                    model.EncodeContext(drawn.Select((f, i) => new ContextRequest(f, batch[i].Target, camera, 1)).ToArray());
                    encode += Stopwatch.GetElapsedTime(start).TotalSeconds;
                }
                if (round < 0) continue;
                generateSeconds[k] += generate;
                encodeSeconds[k] += encode;
                generateCpuSeconds[k] += generateCpu;
                frames[k] += calls * envs;
                roundRates[k].Add(calls * envs / generate);
            }
        }
        double one = frames[0] / generateSeconds[0];
        return options.BatchEnvs.Select((envs, k) => new BatchedTiming(envs,
            Round(frames[k] / generateSeconds[k]),
            Round(frames[k] / (generateSeconds[k] + encodeSeconds[k])),
            Round(frames[k] / generateSeconds[k] / one),
            Round(frames[k] / generateCpuSeconds[k]),
            (Round(roundRates[k].Min()), Round(roundRates[k].Max())))).ToArray();
    }


    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] v = values.Order().ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    internal static double Round(double value) => Math.Round(value, 3);

    private static Frame NoiseFrame(int size, Rng rng)
    {
        var rgb = new byte[size * size * 3];
        for (int i = 0; i < rgb.Length; i++) rgb[i] = (byte)rng.NextLong(256);
        return new Frame(size, size, rgb);
    }
}
