using RtfmGym.Agents.Learning;

namespace RtfmGym.Agents.Tests.Learning;

public class AdvantageEstimatorTests
{
    [Test]
    public void Compute_OneEnvNoEnd_MatchesHandComputedGae()
    {
        // γ = 0.5, λ = 0.5; rewards 1, 0, 2; values 0.5, 1, 0; bootstrap 4.
        // δ2 = 2 + 0.5·4 − 0 = 4;      A2 = 4
        // δ1 = 0 + 0.5·0 − 1 = −1;     A1 = −1 + 0.25·4 = 0
        // δ0 = 1 + 0.5·1 − 0.5 = 1;    A0 = 1 + 0.25·0 = 1
        var adv = new float[3];
        var ret = new float[3];
        AdvantageEstimator.Compute([1, 0, 2], [0.5f, 1, 0], [false, false, false], [4], 1, 0.5, 0.5, adv, ret);
        Assert.That(adv, Is.EqualTo(new[] { 1f, 0f, 4f }).Within(1e-6));
        Assert.That(ret, Is.EqualTo(new[] { 1.5f, 1f, 4f }).Within(1e-6));
    }

    [Test]
    public void Compute_EpisodeEnds_NothingAfterTheEndIsCredited()
    {
        // Two envs, time-major. Env 0 ends at step 0, so its advantage there is r − V alone.
        var adv = new float[4];
        var ret = new float[4];
        AdvantageEstimator.Compute([1, 0, 5, 0], [0.25f, 0, 100, 0], [true, false, false, false], [0, 0], 2, 0.9, 0.95, adv, ret);
        Assert.That(adv[0], Is.EqualTo(0.75f).Within(1e-6));
        Assert.That(ret[0], Is.EqualTo(1f).Within(1e-6));
        Assert.That(adv[1], Is.EqualTo(0f).Within(1e-6), "env 1 never earns anything and its values are 0");
    }

    [Test]
    public void Compute_LambdaOne_ReturnsAreDiscountedSums()
    {
        var adv = new float[3];
        var ret = new float[3];
        AdvantageEstimator.Compute([1, 1, 1], [0.3f, -2, 7], [false, false, false], [10], 1, 0.5, 1.0, adv, ret);
        Assert.That(ret, Is.EqualTo(new[] { 1 + 0.5f * (1 + 0.5f * (1 + 0.5f * 10)), 1 + 0.5f * (1 + 0.5f * 10), 1 + 0.5f * 10 }).Within(1e-5));
    }

    [TestCase(3, 2, 1, TestName = "Compute_StepsNotAMultipleOfEnvs_Throws")]
    [TestCase(4, 2, 1, TestName = "Compute_WrongBootstrapCount_Throws")]
    [TestCase(4, 0, 0, TestName = "Compute_NoEnvs_Throws")]
    public void Compute_BadShapes_Throws(int n, int envs, int last)
    {
        Assert.Throws<ArgumentException>(() => AdvantageEstimator.Compute(new float[n], new float[n], new bool[n], new float[last], envs, 0.9, 0.9, new float[n], new float[n]));
    }
}
