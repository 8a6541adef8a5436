using RtfmGym.Imaging;

namespace RtfmGym.Imaging.Tests;

public class AxisScaleTests
{
    [TestCase(0.07, 0.1)]
    [TestCase(0.14, 0.1)]
    [TestCase(450, 500)]
    [TestCase(2.9, 2)]
    [TestCase(8, 10)]
    public void NiceStep_Raw_RoundsToOneTwoFive(double raw, double expected) =>
        Assert.That(AxisScale.NiceStep(raw), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void Linear_Snapped0To3000_TicksEvery500FromEdgeToEdge()
    {
        AxisScale x = AxisScale.Linear(0, 3000, 6, snapToTicks: true);
        Assert.That(x.Major, Is.EqualTo(new double[] { 0, 500, 1000, 1500, 2000, 2500, 3000 }));
        Assert.That((x.Fraction(0), x.Fraction(3000)), Is.EqualTo((0.0, 1.0)));
        Assert.That(x.Major.Select(x.Format), Is.EqualTo(new[] { "0", "500", "1000", "1500", "2000", "2500", "3000" }));
    }

    [Test]
    public void Linear_Unsnapped_KeepsTicksInsideAMarginAroundTheData()
    {
        AxisScale y = AxisScale.Linear(-4, 2, 6, snapToTicks: false);
        Assert.That(y.Major, Is.EqualTo(new double[] { -4, -3, -2, -1, 0, 1, 2 }));
        Assert.That(y.Fraction(-4), Is.GreaterThan(0).And.LessThan(0.1));
        Assert.That(y.Fraction(2), Is.LessThan(1).And.GreaterThan(0.9));
    }

    [Test]
    public void Linear_FractionalStep_LabelsWithMatchingDecimalsAndNoRoundingNoise()
    {
        AxisScale y = AxisScale.Linear(0.1, 0.7, 6, snapToTicks: true);
        Assert.That(y.Major.Select(y.Format), Is.EqualTo(new[] { "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7" }));
    }

    [Test]
    public void Linear_FlatOrMissingData_StillHasASpan()
    {
        Assert.That(AxisScale.Linear(5, 5, 5, snapToTicks: false).Major, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(AxisScale.Linear(double.NaN, double.NaN, 5, snapToTicks: true).Major.First(), Is.EqualTo(0));
    }

    [Test]
    public void Log10_LossFrom1Point05To0Point05_TicksOneTwoFive()
    {
        AxisScale y = AxisScale.Log10(0.05, 1.05, 7);
        Assert.That(y.Major.Select(y.Format), Is.EqualTo(new[] { "0.05", "0.1", "0.2", "0.5", "1" }));
        Assert.That(y.Accepts(0) || y.Accepts(-1) || y.Accepts(double.NaN), Is.False);
    }

    [Test]
    public void Log10_FourDecades_TicksDecadesWithMinorTicksBetween()
    {
        AxisScale y = AxisScale.Log10(1e-3, 10, 7);
        Assert.That(y.Major.Select(y.Format), Is.EqualTo(new[] { "0.001", "0.01", "0.1", "1", "10" }));
        Assert.That(y.Minor, Has.Member(0.02).And.Member(5.0));
    }

    [Test]
    public void Log10_ManyDecades_LabelsEveryKthDecade()
    {
        AxisScale y = AxisScale.Log10(1e-12, 1e6, 5);
        Assert.That(y.Major.Count, Is.LessThanOrEqualTo(6));
        Assert.That(y.Major, Has.Member(1.0));
        Assert.That(y.Format(1e-12), Is.EqualTo("1e-12"));
    }
}
