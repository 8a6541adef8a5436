using RtfmGym.Agents.Fidelity;

namespace RtfmGym.Agents.Tests.Fidelity;

public class CorrelationTests
{
    [Test]
    public void AverageRanks_Ties_ShareTheMeanOfTheirRanks()
    {
        Assert.That(Correlation.AverageRanks([10, 20, 20, 30]), Is.EqualTo(new[] { 1, 2.5, 2.5, 4 }));
        Assert.That(Correlation.AverageRanks([0.5, 0.1, 0.5, 0.5]), Is.EqualTo(new[] { 3.0, 1, 3, 3 }));
    }

    [Test]
    public void Spearman_ScipyDocumentationExample_MatchesScipy()
    {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233 (a tie in y).
        Assert.That(Correlation.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), Is.EqualTo(0.8207826816681233).Within(1e-12));
    }

    [Test]
    public void Spearman_TiesOnBothSides_IsPearsonOfAverageRanks()
    {
        // Ranks [1, 2.5, 2.5, 4] and [1.5, 1.5, 3, 4]: r = 3.75 / 4.5.
        Assert.That(Correlation.Spearman([0.1, 0.5, 0.5, 0.9], [0.2, 0.2, 0.6, 0.8]), Is.EqualTo(3.75 / 4.5).Within(1e-12));
    }

    [Test]
    public void Pearson_KnownSample_MatchesHandComputation()
    {
        // Deviations [-2, -1, 0, 1, 2] and [-2, 0, 1, 0, 1]: r = 6 / sqrt(10 * 6).
        Assert.That(Correlation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), Is.EqualTo(6 / Math.Sqrt(60)).Within(1e-12));
    }

    [Test]
    public void Spearman_MonotoneButCurved_IsOneWherePearsonIsLess()
    {
        double[] x = [1, 2, 3, 4], y = [1, 4, 9, 16];
        Assert.That(Correlation.Spearman(x, y), Is.EqualTo(1).Within(1e-12));
        Assert.That(Correlation.Pearson(x, y), Is.LessThan(0.99));
    }

    [Test]
    public void Spearman_Reversed_IsMinusOne() =>
        Assert.That(Correlation.Spearman([0.1, 0.4, 0.9], [0.7, 0.3, 0.0]), Is.EqualTo(-1).Within(1e-12));

    [TestCase(new[] { 0.2, 0.2, 0.2 }, new[] { 0.1, 0.5, 0.9 }, TestName = "Correlation_ConstantFirstSample_NaN")]
    [TestCase(new[] { 0.1, 0.5, 0.9 }, new[] { 0.0, 0.0, 0.0 }, TestName = "Correlation_ConstantSecondSample_NaN")]
    [TestCase(new[] { 0.3 }, new[] { 0.4 }, TestName = "Correlation_OnePair_NaN")]
    [TestCase(new double[0], new double[0], TestName = "Correlation_NoPairs_NaN")]
    public void Correlation_Undefined_NaN(double[] x, double[] y)
    {
        Assert.That(Correlation.Pearson(x, y), Is.NaN);
        Assert.That(Correlation.Spearman(x, y), Is.NaN);
    }

    [TestCase(new[] { 0.1, 0.2 }, new[] { 0.1 }, TestName = "Correlation_DifferentLengths_Throws")]
    [TestCase(new[] { 0.1, double.NaN }, new[] { 0.1, 0.2 }, TestName = "Correlation_NaNValue_Throws")]
    [TestCase(new[] { 0.1, 0.2 }, new[] { double.PositiveInfinity, 0.2 }, TestName = "Correlation_InfiniteValue_Throws")]
    public void Correlation_BadSamples_Throws(double[] x, double[] y)
    {
        Assert.Throws<ArgumentException>(() => Correlation.Pearson(x, y));
        Assert.Throws<ArgumentException>(() => Correlation.Spearman(x, y));
    }
}
