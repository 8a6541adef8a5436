using RtfmGym.Evaluation.Memory;

namespace RtfmGym.Evaluation.Tests.Memory;

public class MemoryEvalOptionsTests
{
    [Test]
    public void Create_GapsLongerThanSteps_SkippedWithTheFix()
    {
        MemoryEvalOptions options = MemoryEvalOptions.Create(100, "500,16,64,16");
        Assert.That(options.Gaps, Is.EqualTo(new[] { 16, 64, 500 }), "ascending, without repeats");
        Assert.That(options.GapsRun, Is.EqualTo(new[] { 16, 64 }));
        Assert.That(options.SkippedGaps.Single().Gap, Is.EqualTo(500));
        Assert.That(options.SkippedGaps.Single().Reason, Does.Contain("raise --steps to 500"));
    }

    [TestCase(null, "model", MemoryEvalOptions.DefaultModelTimingRuns)]
    [TestCase(null, "ground-truth", MemoryEvalOptions.DefaultTimingRuns)]
    [TestCase(4, "model", 4)]
    public void TimingRunsFor_Source_DefaultDependsOnTheSource(int? given, string frames, int expected) =>
        Assert.That(MemoryEvalOptions.Create(10, timingRuns: given).TimingRunsFor(frames), Is.EqualTo(expected));

    [TestCase(0, null, null, "--steps 0 is not a positive number")]
    [TestCase(10, "0", null, "a gap of 0 steps is not positive")]
    [TestCase(10, "16,,32", null, "'' is not a whole number")]
    [TestCase(10, "1e3", null, "'1e3' is not a whole number")]
    [TestCase(10, null, 0, "--timing-runs 0 is not a positive number of runs")]
    public void Create_BadValue_ThrowsNamingTheOption(int steps, string? gaps, int? timingRuns, string message) =>
        Assert.That(() => MemoryEvalOptions.Create(steps, gaps, timingRuns), Throws.ArgumentException.With.Message.Contains(message));
}
