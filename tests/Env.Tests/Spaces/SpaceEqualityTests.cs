using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tests.Spaces;

public class SpaceEqualityTests
{
    private static Space Goal() => new BoxSpace([0, -Math.PI], [double.PositiveInfinity, Math.PI], [2]);

    private static Space Observation(int width) =>
        new DictSpace([new("rgb", new BoxSpace(0, 255, [4, width, 3], DType.UInt8)), new("goal", Goal())]);

    private static IEnumerable<TestCaseData> EqualPairs()
    {
        yield return new TestCaseData(new DiscreteSpace(6), new DiscreteSpace(6)).SetName("Discrete");
        yield return new TestCaseData(new DiscreteSpace(3, start: -1), new DiscreteSpace(3, start: -1)).SetName("DiscreteWithStart");
        yield return new TestCaseData(new BoxSpace(-1, 1, [2]), new BoxSpace([-1, -1], [1, 1], [2])).SetName("BoxScalarAndPerElementBounds");
        yield return new TestCaseData(Goal(), Goal()).SetName("BoxWithInfiniteBound");
        yield return new TestCaseData(new BoxSpace(0, 0, [1]), new BoxSpace(-0.0, -0.0, [1])).SetName("BoxSignedZero");
        yield return new TestCaseData(new MultiDiscreteSpace(3, 4), new MultiDiscreteSpace(3, 4)).SetName("MultiDiscrete");
        yield return new TestCaseData(Observation(8), Observation(8)).SetName("Dict");
    }

    private static IEnumerable<TestCaseData> UnequalPairs()
    {
        yield return new TestCaseData(new DiscreteSpace(6), new DiscreteSpace(5)).SetName("DiscreteCount");
        yield return new TestCaseData(new DiscreteSpace(6), new DiscreteSpace(6, start: 1)).SetName("DiscreteStart");
        yield return new TestCaseData(new BoxSpace(-1, 1, [2]), new BoxSpace(-1, 1, [2], DType.Float64)).SetName("BoxDtype");
        yield return new TestCaseData(new BoxSpace(-1, 1, [2]), new BoxSpace(-1, 1, [2, 1])).SetName("BoxShape");
        yield return new TestCaseData(new BoxSpace(-1, 1, [2]), new BoxSpace([-1, -1], [1, 1.0000001], [2])).SetName("BoxHighBoundBeyondPrintedDigits");
        yield return new TestCaseData(new BoxSpace(-1, 1, [2]), new BoxSpace([-2, -1], [1, 1], [2])).SetName("BoxLowBound");
        yield return new TestCaseData(new MultiDiscreteSpace(3, 4), new MultiDiscreteSpace(4, 3)).SetName("MultiDiscreteOrder");
        yield return new TestCaseData(new MultiDiscreteSpace(3), new DiscreteSpace(3)).SetName("KindsDiffer");
        yield return new TestCaseData(Observation(8), Observation(9)).SetName("DictSubSpace");
        yield return new TestCaseData(
            new DictSpace([new("a", new DiscreteSpace(2)), new("b", new DiscreteSpace(2))]),
            new DictSpace([new("b", new DiscreteSpace(2)), new("a", new DiscreteSpace(2))])).SetName("DictOrder");
        yield return new TestCaseData(
            new DictSpace([new("a", new DiscreteSpace(2))]),
            new DictSpace([new("a", new DiscreteSpace(2)), new("b", new DiscreteSpace(2))])).SetName("DictEntryCount");
        yield return new TestCaseData(
            new DictSpace([new("a", new DiscreteSpace(2))]),
            new DictSpace([new("b", new DiscreteSpace(2))])).SetName("DictKey");
    }

    [TestCaseSource(nameof(EqualPairs))]
    public void Equals_SameDefinition_EqualWithEqualHashes(Space a, Space b)
    {
        Assert.That(a.Equals(b) && b.Equals(a), Is.True, $"{a} vs {b}");
        Assert.That(a == b && !(a != b), Is.True);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(new HashSet<Space> { a, b }, Has.Count.EqualTo(1));
    }

    [TestCaseSource(nameof(UnequalPairs))]
    public void Equals_OtherDefinition_Unequal(Space a, Space b)
    {
        Assert.That(a.Equals(b) || b.Equals(a), Is.False, $"{a} vs {b}");
        Assert.That(a != b && !(a == b), Is.True);
        Assert.That(a.Equals((object?)null), Is.False);
    }

    [Test]
    public void Equals_AfterSeedingOrSampling_StillEqual()
    {
        Space a = new DiscreteSpace(4), b = new DiscreteSpace(4);
        a.Seed(7);
        a.Sample();
        Assert.That(a, Is.EqualTo(b));
    }
}
