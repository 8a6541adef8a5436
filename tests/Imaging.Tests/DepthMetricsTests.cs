using RtfmGym.Env.Frames;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Imaging.Tests;

public class DepthMetricsTests
{
    private const int Size = 16;

    private static Frame WithDepth(float[]? depth) => new(Size, Size, new byte[Size * Size * 3], depth);

    private static float[] Room(ulong seed)
    {
        var rng = new Rng(seed);
        var depth = new float[Size * Size];
        for (int i = 0; i < depth.Length; i++) depth[i] = (float)rng.Uniform(0.5, 6.0);
        return depth;
    }

    [Test]
    public void AbsRel_SameDepth_IsZero()
    {
        float[] depth = Room(1);
        Assert.That(DepthMetrics.AbsRel(WithDepth(depth), WithDepth((float[])depth.Clone())), Is.EqualTo(0));
    }

    [TestCase(1.25f, 0.25)]
    [TestCase(0.5f, 0.5)]
    [TestCase(2f, 1.0)]
    public void AbsRel_DepthScaled_IsTheScaleOff(float scale, double expected)
    {
        float[] truth = Room(2);
        float[] scaled = truth.Select(d => d * scale).ToArray();
        Assert.That(DepthMetrics.AbsRel(WithDepth(scaled), WithDepth(truth)), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void AbsRel_TruthHitsNothingSomewhere_LeavesThosePixelsOut()
    {
        float[] truth = Room(3);
        float[] generated = (float[])truth.Clone();
        for (int i = 0; i < Size; i++) (truth[i], generated[i]) = (float.PositiveInfinity, 1000f);
        Assert.That(DepthMetrics.AbsRel(WithDepth(generated), WithDepth(truth)), Is.EqualTo(0));
    }

    [Test]
    public void AbsRel_AFrameWithoutDepth_IsNaN()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DepthMetrics.AbsRel(WithDepth(null), WithDepth(Room(4))), Is.NaN);
            Assert.That(DepthMetrics.AbsRel(WithDepth(Room(4)), WithDepth(null)), Is.NaN);
        });
    }

    [Test]
    public void AbsRel_FramesOfTwoSizes_Throws()
    {
        var small = new Frame(8, 8, new byte[8 * 8 * 3], new float[64]);
        Assert.Throws<ArgumentException>(() => DepthMetrics.AbsRel(small, WithDepth(Room(5))));
    }
}
