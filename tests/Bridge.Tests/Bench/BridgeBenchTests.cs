using NUnit.Framework;
using RtfmGym.Bridge.Bench;

namespace RtfmGym.Bridge.Tests.Bench;

/// <summary>The benchmark runs end to end (its figures are not checked: no timed tests).</summary>
[TestFixture]
public sealed class BridgeBenchTests
{
    [Test]
    public void Run_FewSteps_ReportsEveryFigure()
    {
        var r = BridgeBench.Run(steps: 200, batchEnvs: 2);
        Assert.That(new[] { r.InProcessStepsPerSecond, r.RemoteRoundTripsPerSecond, r.RemoteP50Us, r.RemoteP99Us, r.RemoteBatchStepsPerSecond }, Has.All.Positive);
        TestContext.Out.WriteLine(r);
    }
}
