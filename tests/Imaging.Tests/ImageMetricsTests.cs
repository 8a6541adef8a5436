using RtfmGym.Env.Frames;
using RtfmGym.Env.Randomness;
using RtfmGym.Imaging;

namespace RtfmGym.Imaging.Tests;

public class ImageMetricsTests
{
    private const int Size = 32;

    private static Frame Constant(byte r, byte g, byte b)
    {
        var rgb = new byte[Size * Size * 3];
        for (int i = 0; i < Size * Size; i++) (rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]) = (r, g, b);
        return new Frame(Size, Size, rgb);
    }

    private static Frame Textured(ulong seed)
    {
        var rng = new Rng(seed);
        var rgb = new byte[Size * Size * 3];
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
                for (int c = 0; c < 3; c++)
                    rgb[(y * Size + x) * 3 + c] = (byte)Math.Clamp(128 + 60 * Math.Sin(x * 0.4 + c) * Math.Cos(y * 0.3) + rng.Uniform(-5, 5), 0, 255);
        return new Frame(Size, Size, rgb);
    }

    private static Frame WithNoise(Frame f, double amplitude, ulong seed)
    {
        var rng = new Rng(seed);
        byte[] rgb = f.Rgb.Select(v => (byte)Math.Clamp(v + rng.NextGaussian() * amplitude, 0, 255)).ToArray();
        return new Frame(f.Width, f.Height, rgb);
    }

    [Test]
    public void Psnr_IdenticalFrames_IsPositiveInfinity()
    {
        Frame f = Textured(1);
        Assert.That(ImageMetrics.Psnr(f, new Frame(Size, Size, (byte[])f.Rgb.Clone())), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Psnr_ConstantOffsetOfTen_IsTenLog10OfPeakSquaredOverHundred()
    {
        // Every byte differs by 10: MSE = 100, PSNR = 10 log10(255^2 / 100) = 28.1308 dB.
        double expected = 10 * Math.Log10(255.0 * 255.0 / 100.0);
        Assert.That(ImageMetrics.Psnr(Constant(100, 50, 200), Constant(110, 60, 210)), Is.EqualTo(expected).Within(1e-9));
        Assert.That(expected, Is.EqualTo(28.1308).Within(1e-4));
    }

    [Test]
    public void Psnr_OneChannelOffset_AveragesOverAllBytes()
    {
        // Only red differs by 30: MSE = 900 / 3 = 300.
        Assert.That(ImageMetrics.Psnr(Constant(100, 50, 200), Constant(130, 50, 200)), Is.EqualTo(10 * Math.Log10(255.0 * 255.0 / 300.0)).Within(1e-9));
    }

    [Test]
    public void Psnr_ArgumentsSwapped_Same()
    {
        Frame a = Textured(1), b = WithNoise(a, 20, 2);
        Assert.That(ImageMetrics.Psnr(a, b), Is.EqualTo(ImageMetrics.Psnr(b, a)));
    }

    [Test]
    public void Psnr_DifferentLengths_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageMetrics.Psnr(new byte[6], new byte[9]));
        Assert.That(e!.Message, Does.Contain("6").And.Contain("9"));
    }

    [Test]
    public void Ssim_IdenticalFrames_IsOne()
    {
        Frame f = Textured(3);
        Assert.That(ImageMetrics.Ssim(f, f), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Ssim_ConstantFramesOfTwoLevels_IsLuminanceTerm()
    {
        // Flat images have no variance, so SSIM reduces to (2xy + C1) / (x^2 + y^2 + C1) per channel.
        const double c1 = 0.01 * 255 * 0.01 * 255;
        double Term(double x, double y) => (2 * x * y + c1) / (x * x + y * y + c1);
        double expected = (Term(100, 140) + Term(50, 50) + Term(200, 180)) / 3;
        Assert.That(ImageMetrics.Ssim(Constant(100, 50, 200), Constant(140, 50, 180)), Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Ssim_MoreNoise_Lower()
    {
        Frame clean = Textured(4);
        double light = ImageMetrics.Ssim(clean, WithNoise(clean, 5, 5)), heavy = ImageMetrics.Ssim(clean, WithNoise(clean, 40, 5));
        Assert.That(light, Is.LessThan(1.0));
        Assert.That(heavy, Is.LessThan(light));
        Assert.That(heavy, Is.GreaterThan(-1.0));
    }

    [Test]
    public void Ssim_ArgumentsSwapped_Same()
    {
        Frame a = Textured(6), b = WithNoise(a, 25, 7);
        Assert.That(ImageMetrics.Ssim(a, b), Is.EqualTo(ImageMetrics.Ssim(b, a)).Within(1e-12));
    }

    [Test]
    public void Ssim_OnlyOneChannelDiffers_MeanOverChannels()
    {
        Frame a = Textured(8);
        byte[] rgb = (byte[])a.Rgb.Clone();
        var rng = new Rng(9);
        for (int i = 0; i < rgb.Length; i += 3) rgb[i] = (byte)rng.NextLong(256);
        Frame b = new(Size, Size, rgb);
        // Green and blue are identical (SSIM 1 each), so the mean is (s_red + 2) / 3, between 2/3 and 1.
        double s = ImageMetrics.Ssim(a, b);
        Assert.That(s, Is.LessThan(1.0).And.GreaterThan(1.0 / 3));
        Assert.That((s * 3 - 2), Is.LessThan(0.5), "the red channel alone is mostly noise");
    }

    [Test]
    public void Ssim_SmallerThanWindow_ThrowsNamingSize()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageMetrics.Ssim(new Frame(8, 8, new byte[192]), new Frame(8, 8, new byte[192])));
        Assert.That(e!.Message, Does.Contain("11x11").And.Contain("8x8"));
    }

    [Test]
    public void Ssim_FramesOfDifferentSizes_Throws()
    {
        Assert.Throws<ArgumentException>(() => ImageMetrics.Ssim(new Frame(16, 16, new byte[768]), new Frame(16, 12, new byte[576])));
    }
}
