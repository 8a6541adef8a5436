using RtfmGym.Agents.Learning;
using RtfmGym.Env;

namespace RtfmGym.Agents.Tests.Learning;

public class PpoOptionsTests
{
    private static IEnumerable<TestCaseData> BadOptions()
    {
        yield return new TestCaseData(new PpoOptions { Envs = 0 }, "envs").SetName("Validate_NoEnvs_NamesEnvs");
        yield return new TestCaseData(new PpoOptions { RolloutSteps = 0 }, "rollout steps").SetName("Validate_NoRolloutSteps_NamesThem");
        yield return new TestCaseData(new PpoOptions { TotalSteps = 0 }, "total steps").SetName("Validate_NoTotalSteps_NamesThem");
        yield return new TestCaseData(new PpoOptions { LearningRate = 0 }, "learning rate").SetName("Validate_ZeroLearningRate_NamesIt");
        yield return new TestCaseData(new PpoOptions { LearningRate = double.NaN }, "learning rate").SetName("Validate_NaNLearningRate_NamesIt");
        yield return new TestCaseData(new PpoOptions { Gamma = 1.5 }, "gamma").SetName("Validate_GammaAboveOne_NamesIt");
        yield return new TestCaseData(new PpoOptions { GaeLambda = -0.1 }, "lambda").SetName("Validate_NegativeLambda_NamesIt");
        yield return new TestCaseData(new PpoOptions { Epochs = 0 }, "epochs").SetName("Validate_NoEpochs_NamesThem");
        yield return new TestCaseData(new PpoOptions { Envs = 3, RolloutSteps = 5, Minibatches = 4 }, "minibatches").SetName("Validate_MinibatchesNotDividingRollout_NamesThem");
        yield return new TestCaseData(new PpoOptions { ClipRange = 0 }, "clip range").SetName("Validate_ZeroClipRange_NamesIt");
        yield return new TestCaseData(new PpoOptions { EntropyCoefficient = double.PositiveInfinity }, "entropy").SetName("Validate_InfiniteEntropyCoefficient_NamesIt");
        yield return new TestCaseData(new PpoOptions { ValueCoefficient = -1 }, "value").SetName("Validate_NegativeValueCoefficient_NamesIt");
        yield return new TestCaseData(new PpoOptions { MaxGradientNorm = 0 }, "gradient").SetName("Validate_ZeroGradientNorm_NamesIt");
        yield return new TestCaseData(new PpoOptions { InitialEndingProbability = 0 }, "ending probability").SetName("Validate_ZeroEndingProbability_NamesIt");
        yield return new TestCaseData(new PpoOptions { InitialEndingProbability = 1 }, "ending probability").SetName("Validate_EndingProbabilityOne_NamesIt");
        yield return new TestCaseData(new PpoOptions { CheckpointEvery = 0 }, "checkpoint").SetName("Validate_NoCheckpointInterval_NamesIt");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void Validate_BadValue_ThrowsNamingIt(PpoOptions options, string named)
    {
        var e = Assert.Throws<RtfmGymException>(options.Validate);
        Assert.That(e!.Message, Does.Contain(named));
    }

    [Test]
    public void Validate_Defaults_Pass() => Assert.DoesNotThrow(new PpoOptions().Validate);

    [Test]
    public void Rollouts_TotalNotAMultiple_RoundsUp() =>
        Assert.That(new PpoOptions { Envs = 4, RolloutSteps = 10, TotalSteps = 81 }.Rollouts, Is.EqualTo(3));
}
