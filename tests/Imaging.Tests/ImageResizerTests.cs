using RtfmGym.Env.Frames;

namespace RtfmGym.Imaging.Tests;

public sealed class ImageResizerTests
{
    private static Frame Solid(int width, int height, byte r, byte g, byte b)
    {
        var rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.Length; i += 3) (rgb[i], rgb[i + 1], rgb[i + 2]) = (r, g, b);
        return new Frame(width, height, rgb);
    }

    [Test]
    public void Fit_SameSize_ReturnsThePicture()
    {
        Frame f = Solid(8, 8, 1, 2, 3);
        Assert.That(ImageResizer.Fit(f, 8, 8), Is.SameAs(f));
    }

    [Test]
    public void Fit_HalfSize_AveragesEachTwoByTwoBlock()
    {
        // A 4x2 checkerboard of 0 and 200: each 2x2 block averages to 100.
        var rgb = new byte[4 * 2 * 3];
        for (int p = 0; p < 8; p++) rgb[3 * p] = rgb[3 * p + 1] = rgb[3 * p + 2] = (byte)((p % 4 + p / 4) % 2 == 0 ? 0 : 200);
        Frame half = ImageResizer.Fit(new Frame(4, 2, rgb), 2, 1);
        Assert.That(half.Rgb, Is.EqualTo(new byte[] { 100, 100, 100, 100, 100, 100 }));
    }

    [Test]
    public void Fit_WidePicture_CutsTheCentreToTheAspectRatio()
    {
        // Left and right thirds red, the middle third green: a square fit keeps only the green.
        var rgb = new byte[9 * 3 * 3];
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < 9; x++)
                rgb[(y * 9 + x) * 3 + (x is >= 3 and < 6 ? 1 : 0)] = 255;
        Frame square = ImageResizer.Fit(new Frame(9, 3, rgb), 3, 3);
        Assert.That(Enumerable.Range(0, 9).All(p => square.Rgb[3 * p] == 0 && square.Rgb[3 * p + 1] == 255), Is.True);
    }

    [Test]
    public void Fit_Enlarge_RepeatsThePixel()
    {
        Frame big = ImageResizer.Fit(Solid(2, 2, 10, 20, 30), 6, 6);
        Assert.That((big.Width, big.Height), Is.EqualTo((6, 6)));
        Assert.That(big.Rgb.Chunk(3).All(c => c.SequenceEqual(new byte[] { 10, 20, 30 })), Is.True);
    }

    [TestCase(0, 4)]
    [TestCase(4, 0)]
    public void Fit_NonPositiveSize_Throws(int width, int height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageResizer.Fit(Solid(2, 2, 0, 0, 0), width, height));
}
