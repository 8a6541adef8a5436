using RtfmGym.Env.Randomness;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tests.Spaces;

public class SpaceTests
{
    [Test]
    public void Contains_SamplesOfEverySpace_AreMembers()
    {
        var rng = new Rng(1);
        Space[] spaces =
        [
            new DiscreteSpace(5, start: -2),
            new BoxSpace([-1, 0], [1, 10], [2]),
            new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [3]),
            new BoxSpace(0, 255, [4, 4, 3], DType.UInt8),
            new MultiDiscreteSpace(3, 4, 5),
            new DictSpace([new("a", new DiscreteSpace(2)), new("b", new BoxSpace(0, 1, [2]))]),
        ];
        foreach (Space s in spaces)
            for (int i = 0; i < 100; i++)
                Assert.That(s.Contains(s.Sample(rng)), Is.True, s.ToString());
    }

    [Test]
    public void Sample_SameSeed_SameSequence()
    {
        var a = new BoxSpace(-1, 1, [3]);
        var b = new BoxSpace(-1, 1, [3]);
        a.Seed(42);
        b.Seed(42);
        for (int i = 0; i < 10; i++) Assert.That(a.Sample(), Is.EqualTo(b.Sample()));
    }

    [TestCase(-3L)]
    [TestCase(3L)]
    [TestCase(100L)]
    public void Explain_DiscreteOutside_SaysRange(long value)
    {
        var s = new DiscreteSpace(5, start: -2);
        Assert.That(s.Explain(value), Does.Contain("outside [-2, 2]"));
    }

    [Test]
    public void Require_BadValue_ErrorShowsValueAndSpace()
    {
        var s = new BoxSpace([-1, -1], [1, 1], [2]);
        var e = Assert.Throws<ActionOutOfSpaceException>(() => s.Require(new[] { 0.5, 3.0 }));
        Assert.That(e!.Message, Does.Contain("[0.5, 3]").And.Contain("Box(-1, 1, (2,), float32)").And.Contain("element 1"));
    }

    private static IEnumerable<TestCaseData> BadBoxValues()
    {
        yield return new TestCaseData(null).SetName("Explain_BoxNull_Rejected");
        yield return new TestCaseData("text").SetName("Explain_BoxString_Rejected");
        yield return new TestCaseData(new[] { 0.0 }).SetName("Explain_BoxWrongLength_Rejected");
        yield return new TestCaseData(new[] { double.NaN, 0.0 }).SetName("Explain_BoxNaN_Rejected");
        yield return new TestCaseData(new[] { 2.0, 0.0 }).SetName("Explain_BoxAboveHigh_Rejected");
        yield return new TestCaseData(new[] { 0.0, -2.0 }).SetName("Explain_BoxBelowLow_Rejected");
    }

    [TestCaseSource(nameof(BadBoxValues))]
    public void Explain_BadBoxValue_Rejected(object? value) =>
        Assert.That(new BoxSpace(-1, 1, [2]).Explain(value), Is.Not.Null);

    [Test]
    public void Explain_DictMissingAndExtraKeys_Named()
    {
        var s = new DictSpace([new("a", new DiscreteSpace(2))]);
        Assert.That(s.Explain(new Dictionary<string, object>()), Does.Contain("'a' is missing"));
        Assert.That(s.Explain(new Dictionary<string, object> { ["a"] = 1L, ["z"] = 1L }), Does.Contain("'z' is not in the space"));
    }

    [Test]
    public void Constructor_InvalidBounds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BoxSpace([1], [0], [1]));
        Assert.Throws<ArgumentException>(() => new BoxSpace(0, double.PositiveInfinity, [1], DType.UInt8));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteSpace(0));
        Assert.Throws<ArgumentException>(() => new MultiDiscreteSpace(2, 0));
        Assert.Throws<ArgumentException>(() => new DictSpace([new("a", new DiscreteSpace(1)), new("a", new DiscreteSpace(1))]));
    }

    [Test]
    public void ToString_Spaces_ReadLikeGymnasium()
    {
        Assert.That(new DiscreteSpace(8).ToString(), Is.EqualTo("Discrete(8)"));
        Assert.That(new MultiDiscreteSpace(2, 3).ToString(), Is.EqualTo("MultiDiscrete([2, 3])"));
        Assert.That(new BoxSpace(0, 255, [64, 64, 3], DType.UInt8).ToString(), Is.EqualTo("Box(0, 255, (64, 64, 3), uint8)"));
    }
}
