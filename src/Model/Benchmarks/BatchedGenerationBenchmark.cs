using System.Diagnostics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Sampling;

namespace RtfmGym.Model.Benchmarks;

/// <summary>
/// Generated frames/s when one model draws the frames of N environments per call (a vector environment of N
/// learned worlds: <see cref="FrameModel.Generate(IReadOnlyList{GenerationRequest}, SamplerSettings?)"/>, then
/// <see cref="FrameModel.EncodeContext(IReadOnlyList{ContextRequest})"/> of the new frames), for every N side by
/// side: the sizes take turns, round after round, so a machine whose speed drifts slows them alike. Each
/// environment has its own target pose, seed and context frames (seeded noise images, as in
/// <see cref="FrameModelBenchmark"/>: the work does not depend on the pixels or weights). A benchmark, not a test.
/// </summary>
public static class BatchedGenerationBenchmark
{
    /// <summary>Measures <paramref name="model"/> at <paramref name="options"/>' <see cref="FrameModelBenchmarkOptions.BatchSize"/> for each of its <see cref="FrameModelBenchmarkOptions.BatchEnvs"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid or the size does not suit the model.</exception>
    public static IReadOnlyList<BatchedTiming> Run(FrameModel model, FrameModelBenchmarkOptions options, SamplerSettings? sampler = null)
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
                .Select(i => model.EncodeContext(FrameModelBenchmark.NoiseFrame(size, rng), Pose.FromYawPitchRoll(0.3f * i + 0.1f * e, 1.25f, 0.05f * e, 0.5f * i), camera)).ToArray();
            return new GenerationRequest(context, Pose.FromYawPitchRoll(0.1f + 0.07f * e, 1.25f, 0.2f, 0.3f + 0.2f * e), camera, (ulong)e);
        }).ToArray();

        int rounds = Math.Clamp(options.Frames / 5, 1, 4);
        var generateSeconds = new double[options.BatchEnvs.Count];
        var encodeSeconds = new double[options.BatchEnvs.Count];
        var frames = new int[options.BatchEnvs.Count];
        var roundRates = options.BatchEnvs.Select(_ => new List<double>()).ToArray();
        for (int round = -1; round < rounds; round++) // round -1 warms up and is not counted
        {
            for (int k = 0; k < options.BatchEnvs.Count; k++)
            {
                int envs = options.BatchEnvs[k];
                GenerationRequest[] batch = requests.Take(envs).ToArray();
                int calls = Math.Max(1, (int)Math.Ceiling((double)options.Frames / (rounds * envs)));
                double generate = 0, encode = 0;
                for (int c = 0; c < calls; c++)
                {
                    long start = Stopwatch.GetTimestamp();
                    IReadOnlyList<Frame> drawn = model.Generate(batch, sampler);
                    generate += Stopwatch.GetElapsedTime(start).TotalSeconds;
                    start = Stopwatch.GetTimestamp();
                    model.EncodeContext(drawn.Select((f, i) => new ContextRequest(f, batch[i].Target, camera, 1)).ToArray());
                    encode += Stopwatch.GetElapsedTime(start).TotalSeconds;
                }
                if (round < 0) continue;
                generateSeconds[k] += generate;
                encodeSeconds[k] += encode;
                frames[k] += calls * envs;
                roundRates[k].Add(calls * envs / generate);
            }
        }
        double one = frames[0] / generateSeconds[0];
        return options.BatchEnvs.Select((envs, k) => new BatchedTiming(envs,
            FrameModelBenchmark.Round(frames[k] / generateSeconds[k]),
            FrameModelBenchmark.Round(frames[k] / (generateSeconds[k] + encodeSeconds[k])),
            FrameModelBenchmark.Round(frames[k] / generateSeconds[k] / one),
            (FrameModelBenchmark.Round(roundRates[k].Min()), FrameModelBenchmark.Round(roundRates[k].Max())))).ToArray();
    }
}
