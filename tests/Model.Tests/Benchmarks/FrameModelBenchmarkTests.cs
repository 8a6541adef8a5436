using RtfmGym.Env.Scenarios;
using RtfmGym.Model.Benchmarks;

namespace RtfmGym.Model.Tests.Benchmarks;

public class FrameModelBenchmarkTests
{
    [Test]
    public void Run_TinyModel_OneTimingPerSizeAndStepCountWithEveryStep()
    {
        using var model = FrameModel.Create(FrameModelConfig.Tiny, seed: 1);
        var timings = FrameModelBenchmark.Run(model, new FrameModelBenchmarkOptions { Frames = 2, WarmupFrames = 1, Sizes = [32, 48], SamplerSteps = [3, 1], ContextFrames = 2 });
        Assert.That(timings.Select(t => (t.Size, t.SamplerSteps)), Is.EqualTo(new[] { (32, 3), (32, 1), (48, 3), (48, 1) }));
        foreach (GenerationTiming t in timings)
        {
            Assert.That(t.StepMs, Has.Count.EqualTo(t.SamplerSteps));
            Assert.That(t.ContextFrames, Is.EqualTo(2));
            Assert.That(new[] { t.FramesPerSecond, t.FrameMs, t.EncodeContextMs }, Is.All.GreaterThan(0));
        }
    }

    [Test]
    public void Run_SizeTheModelCannotDraw_Throws()
    {
        using var model = FrameModel.Create(FrameModelConfig.Tiny, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameModelBenchmark.Run(model, new FrameModelBenchmarkOptions { Frames = 1, Sizes = [36] }));
    }

    [TestCase(new double[] { 3, 1, 2 }, 2)]
    [TestCase(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_Values_MiddleOne(double[] values, double expected) =>
        Assert.That(FrameModelBenchmark.Median(values), Is.EqualTo(expected));

    [Test]
    public void EnvironmentRun_TinyModel_BothRatesAndMemoryFilled()
    {
        using var model = FrameModel.Create(FrameModelConfig.Tiny, seed: 1);
        var scenario = new Scenario { Name = "bench", World = new Env.Worlds.WorldOptions { Seed = 3 }, MaxSteps = 100 };
        EnvironmentTiming t = EnvironmentBenchmark.Run(scenario, model, modelSteps: 3, groundTruthSteps: 5, new Sampling.SamplerSettings(1));
        Assert.That(new[] { t.GroundTruthStepsPerSecond, t.ModelStepsPerSecond, t.ModelStepMs, t.ModelRenderMs }, Is.All.GreaterThan(0));
        Assert.That(t.MemoryEntries, Is.GreaterThan(3), "seed views and observed frames");
        Assert.That(t.SamplerSteps, Is.EqualTo(1));
    }
}
