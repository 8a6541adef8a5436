using RtfmGym.Env.Frames;
using RtfmGym.Imaging;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Imaging.Tests;

public class SharpnessMetricsTests
{
    private const int Size = 32;

    /// <summary>A smooth pattern with fine texture, like a rendered room: detail inside every 8x8 block.</summary>
    private static Frame Textured(ulong seed)
    {
        var rng = new Rng(seed);
        var rgb = new byte[Size * Size * 3];
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
                for (int c = 0; c < 3; c++)
                    rgb[(y * Size + x) * 3 + c] = (byte)Math.Clamp(128 + 60 * Math.Sin(x * 0.7 + c) * Math.Cos(y * 0.5) + rng.Uniform(-5, 5), 0, 255);
        return new Frame(Size, Size, rgb);
    }

    /// <summary>Every pixel replaced by its channel's 8x8 block mean: the blur a patch-wise mean predictor draws.</summary>
    private static Frame BlockMeans(Frame f)
    {
        var rgb = new byte[f.Rgb.Length];
        for (int by = 0; by < f.Height; by += 8)
            for (int bx = 0; bx < f.Width; bx += 8)
                for (int c = 0; c < 3; c++)
                {
                    double sum = 0;
                    for (int y = by; y < by + 8; y++)
                        for (int x = bx; x < bx + 8; x++) sum += f.Rgb[(y * f.Width + x) * 3 + c];
                    for (int y = by; y < by + 8; y++)
                        for (int x = bx; x < bx + 8; x++) rgb[(y * f.Width + x) * 3 + c] = (byte)Math.Round(sum / 64);
                }
        return new Frame(f.Width, f.Height, rgb);
    }

    private static Frame BoxBlur(Frame f)
    {
        var rgb = new byte[f.Rgb.Length];
        for (int y = 0; y < f.Height; y++)
            for (int x = 0; x < f.Width; x++)
                for (int c = 0; c < 3; c++)
                {
                    double sum = 0;
                    int n = 0;
                    for (int dy = -2; dy <= 2; dy++)
                        for (int dx = -2; dx <= 2; dx++)
                        {
                            int yy = Math.Clamp(y + dy, 0, f.Height - 1), xx = Math.Clamp(x + dx, 0, f.Width - 1);
                            sum += f.Rgb[(yy * f.Width + xx) * 3 + c];
                            n++;
                        }
                    rgb[(y * f.Width + x) * 3 + c] = (byte)Math.Round(sum / n);
                }
        return new Frame(f.Width, f.Height, rgb);
    }

    private static Frame WithNoise(Frame f, double amplitude, ulong seed)
    {
        var rng = new Rng(seed);
        return new Frame(f.Width, f.Height, f.Rgb.Select(v => (byte)Math.Clamp(v + rng.NextGaussian() * amplitude, 0, 255)).ToArray());
    }

    private static Frame Constant(byte value) => new(Size, Size, Enumerable.Repeat(value, Size * Size * 3).ToArray());

    [Test]
    public void All_TruthAgainstItself_OneOneAndItsOwnSeamRatio()
    {
        Frame truth = Textured(1);
        Assert.That(SharpnessMetrics.Gmr(truth, truth), Is.EqualTo(1).Within(1e-12));
        Assert.That(SharpnessMetrics.FineR2(truth, truth), Is.EqualTo(1).Within(1e-12));
        Assert.That(SharpnessMetrics.SeamRatio(truth), Is.EqualTo(1).Within(0.25), "a natural pattern has no seams");
        Assert.That(SharpnessMetrics.IsCollapsed(truth, truth), Is.False);
    }

    [Test]
    public void FineR2_BlockMeanCopy_IsZeroAndGmrBelowOne()
    {
        Frame truth = Textured(2), blurred = BlockMeans(truth);
        Assert.That(SharpnessMetrics.FineR2(blurred, truth), Is.EqualTo(0).Within(1e-12), "no detail inside a block: the fine error is all the truth's detail");
        Assert.That(SharpnessMetrics.Gmr(blurred, truth), Is.LessThan(1));
        Assert.That(SharpnessMetrics.SeamRatio(blurred), Is.NaN, "nothing changes inside a flat block");
    }

    [Test]
    public void FineR2_BoxBlurredCopy_BelowOneAndGmrBelowOne()
    {
        Frame truth = Textured(3), blurred = BoxBlur(truth);
        Assert.That(SharpnessMetrics.Gmr(blurred, truth), Is.LessThan(0.8));
        Assert.That(SharpnessMetrics.FineR2(blurred, truth), Is.InRange(0.0, 0.9));
    }

    [Test]
    public void FineR2_AddedNoise_NegativeAndGmrAboveOne()
    {
        Frame truth = Textured(4), noisy = WithNoise(truth, 40, 7);
        Assert.That(SharpnessMetrics.FineR2(noisy, truth), Is.LessThan(0));
        Assert.That(SharpnessMetrics.Gmr(noisy, truth), Is.GreaterThan(1));
    }

    [Test]
    public void SeamRatio_BlockMeansWithFaintDetail_FarAboveOne()
    {
        Frame seamy = WithNoise(BlockMeans(Textured(5)), 0.5, 9);
        Assert.That(SharpnessMetrics.SeamRatio(seamy), Is.GreaterThan(3));
    }

    [Test]
    public void IsCollapsed_UniformColourAgainstTexture_True()
    {
        Assert.That(SharpnessMetrics.IsCollapsed(Constant(128), Textured(6)), Is.True);
        Assert.That(SharpnessMetrics.LumaSpread(Constant(128)), Is.EqualTo(0));
    }

    [Test]
    public void Gmr_FlatTruth_IsNaN()
    {
        Assert.That(SharpnessMetrics.Gmr(Textured(7), Constant(9)), Is.NaN);
        Assert.That(SharpnessMetrics.FineR2(Textured(7), Constant(9)), Is.NaN);
    }

    [Test]
    public void FineR2_KnownResidues_MatchesHandComputation()
    {
        // One 8x8 grey block: truth alternates 100/110 in columns (residues ±5), generated alternates 100/104 (±2).
        // error = 64 · 3 channels · 3² , energy = 64 · 3 · 5² → fineR² = 1 − 9/25 = 0.64.
        static Frame Stripes(byte low, byte high)
        {
            var rgb = new byte[8 * 8 * 3];
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++)
                    for (int c = 0; c < 3; c++) rgb[(y * 8 + x) * 3 + c] = x % 2 == 0 ? low : high;
            return new Frame(8, 8, rgb);
        }
        Assert.That(SharpnessMetrics.FineR2(Stripes(100, 104), Stripes(100, 110)), Is.EqualTo(0.64).Within(1e-12));
        // Luma steps: horizontal only, 4 vs 10 per pixel → GMR of forward differences = 0.4.
        Assert.That(SharpnessMetrics.Gmr(Stripes(100, 104), Stripes(100, 110)), Is.EqualTo(0.4).Within(1e-9));
    }

    [TestCase(32, 16)]
    [TestCase(16, 32)]
    public void Metrics_FramesOfDifferentSizes_Throw(int w, int h)
    {
        var other = new Frame(w, h, new byte[w * h * 3]);
        Assert.Throws<ArgumentException>(() => SharpnessMetrics.Gmr(Textured(1), other));
        Assert.Throws<ArgumentException>(() => SharpnessMetrics.FineR2(Textured(1), other));
        Assert.Throws<ArgumentException>(() => SharpnessMetrics.IsCollapsed(Textured(1), other));
    }
}
