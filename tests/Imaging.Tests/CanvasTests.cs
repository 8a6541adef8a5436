using RtfmGym.Imaging;

namespace RtfmGym.Imaging.Tests;

public class CanvasTests
{
    private static int Count(Canvas c, Rgb8 colour)
    {
        int n = 0;
        for (int y = 0; y < c.Height; y++)
            for (int x = 0; x < c.Width; x++)
                if (c.GetPixel(x, y) == colour) n++;
        return n;
    }

    [Test]
    public void Constructor_Background_FillsEveryPixel()
    {
        var c = new Canvas(7, 5, Rgb8.Orange);
        Assert.That(Count(c, Rgb8.Orange), Is.EqualTo(35));
        Assert.That(c.Rgb, Has.Length.EqualTo(7 * 5 * 3));
    }

    [TestCase(0, 10, "width")]
    [TestCase(10, -1, "height")]
    [TestCase(Canvas.MaxSize + 1, 10, "width")]
    public void Constructor_BadSize_ThrowsNamingIt(int width, int height, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Canvas(width, height));
        Assert.That(e!.ParamName, Is.EqualTo(name));
    }

    [Test]
    public void SetPixel_Outside_IsIgnored()
    {
        var c = new Canvas(4, 4);
        c.SetPixel(-1, 0, Rgb8.White);
        c.SetPixel(4, 4, Rgb8.White);
        c.SetPixel(int.MinValue, int.MaxValue, Rgb8.White);
        Assert.That(Count(c, Rgb8.White), Is.Zero);
    }

    [Test]
    public void FillRect_Inside_ColoursExactlyItsArea()
    {
        var c = new Canvas(20, 10);
        c.FillRect(3, 2, 5, 4, Rgb8.Red);
        Assert.That(Count(c, Rgb8.Red), Is.EqualTo(20));
        Assert.That((c.GetPixel(3, 2), c.GetPixel(7, 5), c.GetPixel(8, 5)), Is.EqualTo((Rgb8.Red, Rgb8.Red, Rgb8.Black)));
    }

    [Test]
    public void FillRect_OverEdgesAndHuge_ClipsToCanvas()
    {
        var c = new Canvas(10, 10);
        c.FillRect(-5, 8, 8, 100, Rgb8.Blue);
        Assert.That(Count(c, Rgb8.Blue), Is.EqualTo(3 * 2));
        c.FillRect(int.MinValue, int.MinValue, int.MaxValue, int.MaxValue, Rgb8.Green);
        c.FillRect(int.MaxValue, int.MaxValue, int.MaxValue, 5, Rgb8.Green);
        Assert.That(Count(c, Rgb8.Green), Is.Zero, "both rectangles end before the canvas starts or start after it ends");
    }

    [Test]
    public void DrawRect_Outline_LeavesInteriorUntouched()
    {
        var c = new Canvas(10, 10);
        c.DrawRect(1, 1, 6, 5, Rgb8.White);
        Assert.That(Count(c, Rgb8.White), Is.EqualTo(2 * 6 + 2 * 3));
        Assert.That(c.GetPixel(3, 3), Is.EqualTo(Rgb8.Black));
    }

    [TestCase(2, 3, 17, 9)]
    [TestCase(17, 9, 2, 3)]
    [TestCase(5, 0, 5, 9)]
    [TestCase(0, 4, 19, 4)]
    public void DrawLine_AnyDirection_SetsBothEndpointsAndIsConnected(int x0, int y0, int x1, int y1)
    {
        var c = new Canvas(20, 10);
        c.DrawLine(x0, y0, x1, y1, Rgb8.White);
        Assert.That((c.GetPixel(x0, y0), c.GetPixel(x1, y1)), Is.EqualTo((Rgb8.White, Rgb8.White)));
        int expected = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) + 1; // one pixel per step of the major axis
        Assert.That(Count(c, Rgb8.White), Is.EqualTo(expected));
    }

    [Test]
    public void DrawLine_Thickness3_CoversTheSquareAroundEachPixel()
    {
        var c = new Canvas(20, 20);
        c.DrawLine(5, 10, 14, 10, Rgb8.White, thickness: 3);
        Assert.That(Count(c, Rgb8.White), Is.EqualTo(12 * 3));
        Assert.That((c.GetPixel(4, 9), c.GetPixel(15, 11), c.GetPixel(10, 12)), Is.EqualTo((Rgb8.White, Rgb8.White, Rgb8.Black)));
    }

    [Test]
    public void DrawLine_FarBeyondTheCanvas_DrawsOnlyTheVisiblePartWithoutThrowing()
    {
        var c = new Canvas(20, 10);
        Assert.DoesNotThrow(() => c.DrawLine(int.MinValue, 5, int.MaxValue, 5, Rgb8.White, thickness: 5));
        Assert.That(c.GetPixel(0, 5), Is.EqualTo(Rgb8.White));
        Assert.That(c.GetPixel(19, 5), Is.EqualTo(Rgb8.White));
        c.Clear(Rgb8.Black);
        c.DrawLine(-100, -100, -50, 400, Rgb8.White);
        Assert.That(Count(c, Rgb8.White), Is.Zero);
    }

    [Test]
    public void DrawLine_BadThickness_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Canvas(4, 4).DrawLine(0, 0, 3, 3, Rgb8.White, thickness: 0));
        Assert.That(e!.ParamName, Is.EqualTo("thickness"));
    }

    [Test]
    public void Blit_Scale2_RepeatsEachSourcePixelAsABlock()
    {
        byte[] src = [255, 0, 0, 0, 0, 255]; // 2x1: red, blue
        var c = new Canvas(10, 10);
        c.Blit(src, 2, 1, 3, 4, scale: 2);
        Assert.That(Count(c, Rgb8.Red), Is.EqualTo(4));
        Assert.That(Count(c, Rgb8.Blue), Is.EqualTo(4));
        Assert.That((c.GetPixel(3, 4), c.GetPixel(4, 5), c.GetPixel(5, 4), c.GetPixel(6, 5)), Is.EqualTo((Rgb8.Red, Rgb8.Red, Rgb8.Blue, Rgb8.Blue)));
    }

    [Test]
    public void Blit_PartlyOutside_ClipsAndKeepsSourceAlignment()
    {
        var src = new Canvas(4, 4, Rgb8.Green);
        src.SetPixel(3, 3, Rgb8.Red);
        var c = new Canvas(5, 5);
        c.Blit(src, -2, -2);
        Assert.That(Count(c, Rgb8.Green), Is.EqualTo(3));
        Assert.That(c.GetPixel(1, 1), Is.EqualTo(Rgb8.Red));
    }

    [Test]
    public void Blit_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Canvas(4, 4).Blit(new byte[5], 2, 1, 0, 0));
    }

    [TestCase("Hi! 23.4 dB", 1)]
    [TestCase("gjpqy_,;|", 2)]
    [TestCase("two\nlines", 3)]
    public void DrawText_Text_InksInsideMeasuredBoxAndNothingOutside(string text, int scale)
    {
        var c = new Canvas(200, 100);
        (int w, int h) = Canvas.MeasureText(text, scale);
        c.DrawText(10, 20, text, Rgb8.White, scale);
        int inside = 0, outside = 0;
        for (int y = 0; y < c.Height; y++)
            for (int x = 0; x < c.Width; x++)
                if (c.GetPixel(x, y) == Rgb8.White)
                {
                    if (x >= 10 && x < 10 + w && y >= 20 && y < 20 + h) inside++; else outside++;
                }
        Assert.That(inside, Is.GreaterThan(0));
        Assert.That(outside, Is.Zero);
    }

    [Test]
    public void DrawText_BoxEdges_AreReachedByInk()
    {
        // "Mg" touches the left column, the top row (M), the descender row (g) and the right column.
        var c = new Canvas(40, 30);
        (int w, int h) = Canvas.MeasureText("Mg", 2);
        c.DrawText(5, 5, "Mg", Rgb8.White, 2);
        bool Column(int x) => Enumerable.Range(0, c.Height).Any(y => c.GetPixel(x, y) == Rgb8.White);
        bool Row(int y) => Enumerable.Range(0, c.Width).Any(x => c.GetPixel(x, y) == Rgb8.White);
        Assert.That((Column(5), Column(5 + w - 1), Row(5), Row(5 + h - 1)), Is.EqualTo((true, true, true, true)));
    }

    [Test]
    public void DrawText_PartlyOffCanvas_DoesNotThrow()
    {
        var c = new Canvas(20, 10);
        Assert.DoesNotThrow(() => c.DrawText(-7, -3, "clipped text", Rgb8.White, 2));
        Assert.DoesNotThrow(() => c.DrawText(int.MaxValue - 3, int.MinValue + 3, "far", Rgb8.White));
        Assert.That(Count(c, Rgb8.White), Is.GreaterThan(0));
    }

    [Test]
    public void MeasureText_Cases_FollowAdvanceAndLineHeight()
    {
        Assert.That(Canvas.MeasureText(""), Is.EqualTo((0, 0)));
        Assert.That(Canvas.MeasureText("a"), Is.EqualTo((5, 8)));
        Assert.That(Canvas.MeasureText("abc", 2), Is.EqualTo((34, 16)));
        Assert.That(Canvas.MeasureText("abcd\nx"), Is.EqualTo((23, 18)));
    }

    [Test]
    public void Save_Path_WritesThePngWithoutLeavingTemporaryFiles()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rtfm-canvas-" + Guid.NewGuid().ToString("N"));
        try
        {
            var c = new Canvas(3, 2, Rgb8.Purple);
            string path = Path.Combine(dir, "sub", "c.png");
            c.Save(path);
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(c.ToPng()));
            Assert.That(Directory.GetFiles(Path.Combine(dir, "sub")), Has.Length.EqualTo(1));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
