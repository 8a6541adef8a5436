using RtfmGym.Evaluation.Memory;

namespace RtfmGym.Evaluation.Tests.Memory;

public class CostExperimentTests
{
    [TestCase(120, 1, 120)]
    [TestCase(120, 3, 120 + 2 * (10 + 50 + 50))]
    [TestCase(10000, 10, 10000 + 9 * (10 + 50 + 50 + 50))]
    [TestCase(30, 2, 30 + (10 + 30))]
    public void StepsTaken_EpisodeAndWindowsAgain_CountsEveryStep(int steps, int runs, long expected) =>
        Assert.That(CostExperiment.StepsTaken(steps, runs), Is.EqualTo(expected));
}
