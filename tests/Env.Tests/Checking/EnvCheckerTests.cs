using RtfmGym.Env.Checking;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tests.Checking;

public class EnvCheckerTests
{
    private static IEnumerable<string> Shipped() => TestScenarios.ShippedFiles().Select(Path.GetFileName)!;

    [TestCaseSource(nameof(Shipped))]
    public void Run_ShippedScenario_Passes(string file)
    {
        Scenario s = ScenarioLoader.Load(Path.Combine(TestScenarios.ScenariosDir, file));
        if (s.Episodes.Count > 0) s = s.ForEpisode(s.Episodes[0]);
        // Keep the suite fast, except where start images fix the camera's size.
        if (s.StartImages.Count == 0) s = s with { Camera = s.Camera with { Width = 32, Height = 32 } };
        // The learned model ("model") is registered above Env; the contract checked is the environment's, whatever draws.
        if (!RtfmGym.Env.Frames.FrameSourceRegistry.BuiltIn.Contains(s.Frames)) s = s with { Frames = "constant" };
        var failures = EnvChecker.Run(() => new RtfmEnvironment(s), steps: 15);
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public void Run_NondeterministicEnvironment_ReportsDeterminism()
    {
        var failures = EnvChecker.Run(() => new NoisyEnvironment(), steps: 5);
        Assert.That(failures.Select(f => f.Check), Does.Contain("determinism"));
    }

    [Test]
    public void Check_BrokenEnvironment_ThrowsListingFailures()
    {
        var e = Assert.Throws<EnvCheckException>(() => EnvChecker.Check(() => new NoisyEnvironment(), steps: 5));
        Assert.That(e!.Failures, Is.Not.Empty);
    }

    /// <summary>Breaks the contract on purpose: observations ignore the seed, and invalid actions are accepted.</summary>
    private sealed class NoisyEnvironment : IEnvironment
    {
        private static int _counter;
        public Space ObservationSpace { get; } = new DiscreteSpace(1000);
        public Space ActionSpace { get; } = new DiscreteSpace(2);
        public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null) => new((long)(Interlocked.Increment(ref _counter) % 1000), new Dictionary<string, object?>());
        public StepResult Step(object action) => new((long)(Interlocked.Increment(ref _counter) % 1000), 0, false, false, new Dictionary<string, object?>());
        public void Close() { }
        public void Dispose() { }
    }
}
