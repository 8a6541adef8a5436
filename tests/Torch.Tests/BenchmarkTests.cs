using NUnit.Framework;
using RtfmGym.Torch.Benchmarks;

namespace RtfmGym.Torch.Tests;

/// <summary>Checks the benchmark runs and reports sane figures; no timing thresholds.</summary>
public class BenchmarkTests : TorchTestBase
{
    [Test]
    public void Run_SmallSizes_ReportsPositiveFigures()
    {
        var result = TorchBenchmark.Run(tinyIterations: 1000, matmulSize: 64, matmulIterations: 2);
        Assert.That(result.TinyOpBindingMicroseconds, Is.GreaterThan(0));
        Assert.That(result.TinyOpNativeMicroseconds, Is.GreaterThan(0));
        Assert.That(result.MatmulBindingGflops, Is.GreaterThan(0));
        Assert.That(result.MatmulNativeGflops, Is.GreaterThan(0));
        Assert.That(result.MatmulSize, Is.EqualTo(64));
        Assert.That(result.Threads, Is.EqualTo(torch.get_num_threads()));
        Assert.That(result.TorchVersion, Is.EqualTo(torch.version));
    }

    [TestCase(0, 1, 1)]
    [TestCase(1, 0, 1)]
    [TestCase(1, 1, 0)]
    public void Run_NonPositiveArgument_Throws(int tiny, int size, int iterations)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchBenchmark.Run(tiny, size, iterations));
    }
}
