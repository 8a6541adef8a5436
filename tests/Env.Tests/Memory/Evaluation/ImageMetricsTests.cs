using RtfmGym.Env.Memory.Evaluation;

namespace RtfmGym.Env.Tests.Memory.Evaluation;

public class ImageMetricsTests
{
    [Test]
    public void Psnr_Identical_Infinity() =>
        Assert.That(ImageMetrics.Psnr(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }), Is.EqualTo(double.PositiveInfinity));

    [TestCase(0, 255, 0.0)]
    [TestCase(100, 110, 28.1308)]   // 10 log10(255^2 / 100)
    [TestCase(7, 8, 48.1308)]       // 10 log10(255^2 / 1)
    public void Psnr_UniformDifference_KnownValue(int a, int b, double expected) =>
        Assert.That(ImageMetrics.Psnr(Enumerable.Repeat((byte)a, 12).ToArray(), Enumerable.Repeat((byte)b, 12).ToArray()), Is.EqualTo(expected).Within(1e-4));

    [Test]
    public void Psnr_OneByteOfFour_MeanOverAllBytes() =>
        Assert.That(ImageMetrics.Psnr(new byte[] { 0, 0, 0, 0 }, new byte[] { 0, 0, 0, 2 }), Is.EqualTo(10 * Math.Log10(255.0 * 255 / 1)).Within(1e-9));

    [Test]
    public void Psnr_DifferentSizes_Throws() =>
        Assert.Throws<ArgumentException>(() => ImageMetrics.Psnr(new byte[3], new byte[4]));
}
