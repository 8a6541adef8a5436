using System.Diagnostics;
using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Model.Frames;
using RtfmGym.Model.Sampling;

namespace RtfmGym.Model.Benchmarks;

/// <summary>Env steps/s with the learned model beside the ground truth; see <see cref="EnvironmentTiming"/>. A benchmark, not a test.</summary>
public static class EnvironmentBenchmark
{
    private const int Warmup = 3;

    /// <summary>
    /// Steps <paramref name="scenario"/> <paramref name="modelSteps"/> times with <paramref name="model"/> as the frame source and
    /// <paramref name="groundTruthSteps"/> times with the ground truth, the same seeded actions in both.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A step count is below 1.</exception>
    public static EnvironmentTiming Run(Scenario scenario, FrameModel model, int modelSteps, int groundTruthSteps, SamplerSettings? sampler = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(modelSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(groundTruthSteps, 1);
        sampler ??= SamplerSettings.Default;
        scenario = scenario with { Frames = "ground-truth" };

        double truthRate;
        using (var env = new RtfmEnvironment(scenario))
            truthRate = StepsPerSecond(env, groundTruthSteps, null);

        var timed = new TimedFrameSource(new ModelFrameSource(model, new ModelFrameSourceOptions { Sampler = sampler }));
        using var modelEnv = new RtfmEnvironment(scenario, timed);
        var visits = new List<(Pose Pose, Frame Frame)>();
        var stepMs = new List<double>();
        double modelRate = StepsPerSecond(modelEnv, modelSteps, (ms, env) => { stepMs.Add(ms); visits.Add((env.Pose, env.Memory!.Newest(1).Single().Frame)); }); // the frame as stored
        double renderMs = FrameModelBenchmark.Median(timed.RenderMs.TakeLast(modelSteps));

        // Retrieval and insertion again, alone, on a copy of the final memory at the poses visited.
        var memory = modelEnv.Memory!.Clone();
        var retrieveUs = new List<double>();
        var insertUs = new List<double>();
        foreach (var (pose, frame) in visits)
        {
            var clock = Stopwatch.StartNew();
            memory.Retrieve(pose, modelEnv.Camera);
            retrieveUs.Add(clock.Elapsed.TotalMicroseconds);
            clock.Restart();
            memory.Insert(pose, frame, modelEnv.StepCount);
            insertUs.Add(clock.Elapsed.TotalMicroseconds);
        }
        return new EnvironmentTiming(scenario.Name, modelEnv.Camera.Width, FrameModelBenchmark.Round(truthRate), FrameModelBenchmark.Round(modelRate), sampler.Steps,
            FrameModelBenchmark.Round(FrameModelBenchmark.Median(stepMs)), FrameModelBenchmark.Round(renderMs),
            FrameModelBenchmark.Round(FrameModelBenchmark.Median(retrieveUs)), FrameModelBenchmark.Round(FrameModelBenchmark.Median(insertUs)), modelEnv.Memory.Count);
    }

    private static double StepsPerSecond(RtfmEnvironment env, int steps, Action<double, RtfmEnvironment>? onStep)
    {
        var rng = new Rng(1);
        env.Reset(1);
        for (int i = 0; i < Warmup; i++) Step(env, rng);
        var wall = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++)
        {
            var clock = Stopwatch.StartNew();
            Step(env, rng);
            onStep?.Invoke(clock.Elapsed.TotalMilliseconds, env);
        }
        return steps / wall.Elapsed.TotalSeconds;
    }

    private static void Step(RtfmEnvironment env, Rng rng)
    {
        object action = env.Actions.Settings.Kind == ActionKind.Discrete ? rng.NextLong((long)DiscreteAction.Stop) : env.ActionSpace.Sample(rng);
        if (env.Step(action).Done) env.Reset();
    }
}
