using RtfmGym.Env.Frames;
using RtfmGym.Model.Evaluation;

namespace RtfmGym.Model.Tests.Evaluation;

public class ComparisonSheetTests
{
    private static Frame Solid(byte v) => new(16, 16, Enumerable.Repeat(v, 16 * 16 * 3).ToArray());

    [Test]
    public void Render_RowsAndDrift_FramesAtTheirPlaces()
    {
        var rows = new[] { new ComparisonRow("a", [Solid(10), Solid(20)], Solid(30), Solid(40), Solid(50)) };
        var drift = new DriftStrip([1, 2], [Solid(60), Solid(61)], [Solid(70), Solid(71)]);
        var (rgb, width, height) = ComparisonSheet.Render(rows, drift);
        // Two context columns, a group gap of 8, three columns; rows of 16 with gaps of 2.
        Assert.That(width, Is.EqualTo(2 * 18 + 8 + 3 * 18 - 2));
        Assert.That(height, Is.EqualTo(18 + 8 + 2 * 18 - 2));
        byte At(int x, int y) => rgb[(y * width + x) * 3];
        Assert.That(At(0, 0), Is.EqualTo(10));
        Assert.That(At(18, 15), Is.EqualTo(20));
        Assert.That(At(2 * 18 + 8, 0), Is.EqualTo(30));
        Assert.That(At(2 * 18 + 8 + 2 * 18, 0), Is.EqualTo(50));
        Assert.That(At(18, 18 + 8), Is.EqualTo(61));
        Assert.That(At(0, 18 + 8 + 18), Is.EqualTo(70));
        Assert.That(At(16, 0), Is.EqualTo(128), "gaps are grey");
    }

    [Test]
    public void Render_Nothing_Throws()
    {
        Assert.Throws<ArgumentException>(() => ComparisonSheet.Render([], null));
    }
}
