using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Tests.Memory;

public class SurfaceMatchesTests
{
    [Test]
    public void Count_HandBuiltPoints_CountsThoseSeenThatLandOnTheirOwnDepth()
    {
        float[] depth = [1f, 2f, 3f, 0f];
        // pixel, point depth, seen: match; off by 0.2 m; outside; not seen; invalid depth pixel (0); exactly at the tolerance.
        int[] pixels = [0, 1, -1, 2, 3, 2, 1, 0, 2];
        float[] pointDepths = [1.05f, 2.2f, 1f, 3f, 0.05f, 3f, 2f, 1f, 3.09f];
        bool[] seen = [true, true, true, false, true, true, true, true, true];

        int count = SurfaceMatches.Count(pixels, pointDepths, seen, depth, 0.1f, 0);

        // Indices 0, 4 (|0 - 0.05| <= 0.1), 5, 6, 7 and 8 match.
        Assert.That(count, Is.EqualTo(6));
    }

    [Test]
    public void Count_SlackPerMetre_WidensTheToleranceWithDepth()
    {
        float[] depth = [10f];
        int[] pixels = [0];
        bool[] seen = [true];
        Assert.That(SurfaceMatches.Count(pixels, [10.5f], seen, depth, 0.1f, 0), Is.EqualTo(0));
        Assert.That(SurfaceMatches.Count(pixels, [10.5f], seen, depth, 0.1f, 0.1f), Is.EqualTo(1));
    }

    [TestCase(1, 0)]
    [TestCase(2, 37)]
    [TestCase(3, 256)]
    [TestCase(4, 1029)]
    public void Count_WithAndWithoutSimd_GiveTheSameCount(int seed, int n)
    {
        var rng = new Rng((ulong)seed);
        var depth = new float[64 * 48];
        for (int i = 0; i < depth.Length; i++) depth[i] = rng.Uniform(0, 1) < 0.1 ? 0 : (float)rng.Uniform(0.5, 8);
        var (pixels, pointDepths, seen) = (new int[n], new float[n], new bool[n]);
        for (int i = 0; i < n; i++)
        {
            pixels[i] = rng.Uniform(0, 1) < 0.3 ? -1 : (int)rng.Uniform(0, depth.Length);
            // Half the points lie on the surface (within a tolerance or two), some exactly at its edge, some are NaN.
            double kind = rng.Uniform(0, 1);
            float there = pixels[i] >= 0 ? depth[pixels[i]] : 1f;
            pointDepths[i] = kind < 0.5 ? there + (float)rng.Uniform(-0.2, 0.2) : kind < 0.6 ? there + 0.1f : kind < 0.65 ? float.NaN : (float)rng.Uniform(0.5, 8);
            seen[i] = rng.Uniform(0, 1) < 0.8;
        }

        int simd = SurfaceMatches.Count(pixels, pointDepths, seen, depth, 0.1f, 0.05f);
        int scalar = SurfaceMatches.Count(pixels, pointDepths, seen, depth, 0.1f, 0.05f, simd: false);

        Assert.That(simd, Is.EqualTo(scalar));
        if (n >= 256) Assert.That(scalar, Is.InRange(1, n - 1), "the sample holds both matches and misses");
    }

    private static readonly object[] ShortInputs =
    [
        new object[] { 4, 3, 4 },
        new object[] { 4, 4, 3 },
        new object[] { 9, 8, 9 },
    ];

    [TestCaseSource(nameof(ShortInputs))]
    public void Count_FewerDepthsOrFlagsThanPixels_Throws(int pixels, int depths, int flags) =>
        Assert.That(() => SurfaceMatches.Count(new int[pixels], new float[depths], new bool[flags], new float[1], 0.1f, 0),
            Throws.ArgumentException.With.Message.Contains("all " + pixels + " points"));
}
