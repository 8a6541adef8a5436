
namespace RtfmGym.Evaluation.Tests;

public class PercentilesTests
{
    [TestCase(new double[] { 3, 1, 2 }, 50, 2.0)]
    [TestCase(new double[] { 1, 2, 3, 4 }, 50, 2.5)]
    [TestCase(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 95, 10.5)]
    [TestCase(new double[] { 5 }, 95, 5.0)]
    [TestCase(new double[] { 4, 9 }, 0, 4.0)]
    [TestCase(new double[] { 4, 9 }, 100, 9.0)]
    public void Of_Table(double[] values, double p, double expected) =>
        Assert.That(Percentiles.Of(values, p), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void Of_Empty_Throws() => Assert.Throws<ArgumentException>(() => Percentiles.Of(Array.Empty<double>(), 50));

    [TestCase(-1)]
    [TestCase(101)]
    public void Of_PercentOutOfRange_Throws(double p) => Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(new double[] { 1 }, p));
}
