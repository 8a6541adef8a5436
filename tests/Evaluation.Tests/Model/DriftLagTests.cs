using RtfmGym.Env.Frames;
using RtfmGym.Evaluation.Model;

namespace RtfmGym.Evaluation.Tests.Model;

public class DriftLagTests
{
    /// <summary>Seeded noise frames, each unlike the others.</summary>
    private static Frame[] Truths(int count)
    {
        var rng = new Random(11);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var rgb = new byte[16 * 16 * 3];
            rng.NextBytes(rgb);
            return new Frame(16, 16, rgb);
        }).ToArray();
    }

    [TestCase(10, 0)]
    [TestCase(10, 3)]
    [TestCase(10, 10)]
    [TestCase(40, 30)]
    public void Lag_FrameOfAnEarlierStep_CountsTheSteps(int step, int behind)
    {
        Frame[] truth = Truths(41);
        Assert.That(DriftRollout.Lag(truth, truth[step - behind], step), Is.EqualTo(behind));
    }

    [Test]
    public void Lag_OlderThanItLooks_CappedAtMaxLag()
    {
        Frame[] truth = Truths(41);
        Assert.That(DriftRollout.Lag(truth, truth[0], 40), Is.LessThanOrEqualTo(DriftRollout.MaxLag));
    }
}
