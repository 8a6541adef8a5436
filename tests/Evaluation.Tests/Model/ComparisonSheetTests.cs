using RtfmGym.Env.Frames;
using RtfmGym.Evaluation.Model;
using RtfmGym.Imaging;

namespace RtfmGym.Evaluation.Tests.Model;

public class ComparisonSheetTests
{
    private static Frame Solid(byte v) => new(16, 16, [.. Enumerable.Repeat(v, 16 * 16 * 3)]);

    private static int Count(Canvas canvas, byte v)
    {
        int n = 0;
        for (int y = 0; y < canvas.Height; y++)
            for (int x = 0; x < canvas.Width; x++)
                if (canvas.GetPixel(x, y) == new Rgb8(v, v, v)) n++;
        return n;
    }

    [Test]
    public void Render_RowsAndDrift_EveryFrameDrawnOnceScaledToAtLeast80Pixels()
    {
        var rows = new[] { new ComparisonRow("interpolation", [Solid(10), Solid(20)], Solid(30), Solid(40), Solid(50)) };
        var drift = new DriftStrip([1, 2], [Solid(60), Solid(61)], [Solid(70), Solid(71)]);
        Canvas sheet = ComparisonSheet.Render("title", rows, drift);
        foreach (byte v in new byte[] { 10, 20, 30, 40, 50, 60, 61, 70, 71 })
            Assert.That(Count(sheet, v), Is.EqualTo(80 * 80), $"frame of level {v}");
    }

    [Test]
    public void Render_DriftWithCapture_ThirdRowDrawnAndSheetTaller()
    {
        var plain = new DriftStrip([1, 2], [Solid(60), Solid(61)], [Solid(70), Solid(71)]);
        var captured = plain with { Captured = [Solid(80), Solid(81)] };
        Canvas without = ComparisonSheet.Render("title", [], plain), with = ComparisonSheet.Render("title", [], captured);
        foreach (byte v in new byte[] { 60, 61, 70, 71, 80, 81 })
            Assert.That(Count(with, v), Is.EqualTo(80 * 80), $"frame of level {v}");
        Assert.That(with.Height, Is.GreaterThan(without.Height + 80));
    }

    [Test]
    public void Render_FramesOfTwoSizes_Throws()
    {
        var rows = new[] { new ComparisonRow("a", [new Frame(8, 8, new byte[192])], Solid(30), Solid(40), Solid(50)) };
        Assert.Throws<ArgumentException>(() => ComparisonSheet.Render("t", rows, null));
    }

    [Test]
    public void Render_Nothing_Throws()
    {
        Assert.Throws<ArgumentException>(() => ComparisonSheet.Render("t", [], null));
    }
}
