using RtfmGym.Model.Benchmarks;

namespace RtfmGym.Model.Tests.Benchmarks;

public class RendererBenchmarkTests
{
    [Test]
    public void RendererBenchmark_FewFrames_ReportsPositiveRates()
    {
        RendererBenchmarkResult r = RendererBenchmark.Run(frames: 3, threads: 2);
        Assert.That(new[] { r.SingleThread64, r.AllThreads64, r.SingleThread128, r.AllThreads128 }, Has.All.GreaterThan(0));
        Assert.That(r.Threads, Is.EqualTo(2));
    }
}
