using System.Buffers.Binary;
using RtfmGym.Imaging;

namespace RtfmGym.Imaging.Tests;

public class LineChartTests
{
    private static readonly Rgb8 SeriesColour = new(200, 30, 150); // used by nothing else in a chart

    private static LineChartSpec Decay(bool logY) => new()
    {
        Title = "loss", XLabel = "step", YLabel = "loss", LogY = logY,
        Series = [new ChartSeries("decay", Enumerable.Range(0, 301).Select(i => (i * 10.0, Math.Exp(-i * 10.0 / 300) + 0.05)).ToArray(), SeriesColour)],
    };

    // Pixels of the colour inside the plot area, legend excluded (it sits in the top-right corner).
    private static int CountInPlot(Canvas c, LineChartLayout l, Rgb8 colour, bool lowerHalfOnly = false)
    {
        int n = 0, top = lowerHalfOnly ? l.PlotTop + l.PlotHeight / 2 : l.PlotTop;
        for (int y = top; y < l.PlotTop + l.PlotHeight; y++)
            for (int x = l.PlotLeft; x < l.PlotLeft + l.PlotWidth; x++)
                if (c.GetPixel(x, y) == colour) n++;
        return n;
    }

    private static int Count(Canvas c, Rgb8 colour) => Enumerable.Range(0, c.Height).Sum(y => Enumerable.Range(0, c.Width).Count(x => c.GetPixel(x, y) == colour));

    [Test]
    public void Render_LogYWithSeries_PutsSeriesColourInsideThePlotArea()
    {
        LineChartSpec spec = Decay(logY: true);
        Canvas c = LineChart.Render(spec);
        LineChartLayout l = LineChartLayout.Compute(spec);
        Assert.That((c.Width, c.Height), Is.EqualTo((640, 400)));
        Assert.That(CountInPlot(c, l, SeriesColour, lowerHalfOnly: true), Is.GreaterThan(200), "the curve runs through the lower half");
        int outsidePlot = Count(c, SeriesColour) - CountInPlot(c, l, SeriesColour);
        Assert.That(outsidePlot, Is.Zero, "nothing of the series spills over the frame");
    }

    [Test]
    public void Render_TitleTooWideAtDoubleSize_DrawnWholeInsideThePicture()
    {
        LineChartSpec spec = Decay(logY: false) with { Title = "success: ground truth vs learned world (pointnav-suite)" };
        LineChartLayout l = LineChartLayout.Compute(spec);
        Assume.That(Canvas.MeasureText(spec.Title, 2 * l.Scale).Width, Is.GreaterThan(spec.Width), "the title would be cut at double size");
        Canvas c = LineChart.Render(spec);
        Rgb8 background = c.GetPixel(0, c.Height - 1);
        var edges = Enumerable.Range(0, l.PlotTop).SelectMany(y => new[] { c.GetPixel(0, y), c.GetPixel(c.Width - 1, y) });
        Assert.That(edges, Is.All.EqualTo(background), "no ink on the picture's left and right edges above the plot");
        Assert.That(Enumerable.Range(l.TitleTop, l.PlotTop - l.TitleTop).Any(y => Enumerable.Range(0, c.Width).Any(x => c.GetPixel(x, y) != background)), Is.True, "the title is drawn");
    }

    [Test]
    public void Render_LogY_CurveFallsFromTopLeftToBottomRight()
    {
        LineChartSpec spec = Decay(logY: true);
        Canvas c = LineChart.Render(spec);
        LineChartLayout l = LineChartLayout.Compute(spec);
        int RowAt(int x) => Enumerable.Range(l.PlotTop, l.PlotHeight).First(y => c.GetPixel(x, y) == SeriesColour);
        int left = RowAt(l.PlotLeft + 5), right = RowAt(l.PlotLeft + l.PlotWidth - 5);
        Assert.That(left, Is.LessThan(l.PlotTop + l.PlotHeight / 5));
        Assert.That(right, Is.GreaterThan(l.PlotTop + l.PlotHeight * 3 / 4));
    }

    [Test]
    public void Render_EmptySeries_WritesAValidPngWithTheSpecSize()
    {
        var spec = new LineChartSpec { Title = "nothing yet", Width = 300, Height = 200, Series = [new ChartSeries("none", [], Rgb8.Red)] };
        byte[] png = LineChart.Render(spec).ToPng();
        Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }));
        Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
        Assert.That((BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))), Is.EqualTo((300, 200)));
    }

    [Test]
    public void Render_NoDrawablePoints_SaysNoDataInThePlotCentre()
    {
        var spec = new LineChartSpec { LogY = true, Series = [new ChartSeries("bad", [(1, 0), (2, -3), (double.NaN, 1), (3, double.PositiveInfinity)], SeriesColour)] };
        Canvas c = LineChart.Render(spec);
        LineChartLayout l = LineChartLayout.Compute(spec);
        Assert.That(CountInPlot(c, l, Rgb8.Grey), Is.GreaterThan(10), "'no data' is written in grey");
        Assert.That(CountInPlot(c, l, SeriesColour, lowerHalfOnly: true), Is.Zero);
    }

    [Test]
    public void Render_NonFinitePoints_AreSkippedAndTheRestDrawn()
    {
        var spec = new LineChartSpec
        {
            Series = [new ChartSeries("", [(0, 1), (1, double.NaN), (double.NegativeInfinity, 5), (2, 2), (3, double.PositiveInfinity), (4, 0)], SeriesColour)],
        };
        Canvas c = LineChart.Render(spec);
        LineChartLayout l = LineChartLayout.Compute(spec);
        Assert.That(CountInPlot(c, l, SeriesColour), Is.GreaterThan(100));
        Assert.That(l.X.Major[^1], Is.EqualTo(4), "the infinite x did not stretch the axis");
    }

    [Test]
    public void Render_SinglePoint_DrawsAMarker()
    {
        var spec = new LineChartSpec { Series = [new ChartSeries("", [(3, 7)], SeriesColour)] };
        Canvas c = LineChart.Render(spec);
        LineChartLayout l = LineChartLayout.Compute(spec);
        Assert.That(c.GetPixel(l.PixelX(3), l.PixelY(7)), Is.EqualTo(SeriesColour));
        Assert.That(CountInPlot(c, l, SeriesColour), Is.EqualTo(25), "a 5x5 square at text scale 1");
    }

    [Test]
    public void Render_NamedSeries_ShowsLegendSwatchAndUnnamedOnesDoNot()
    {
        var named = new LineChartSpec { Series = [new ChartSeries("train", [], SeriesColour)] };
        var unnamed = named with { Series = [new ChartSeries("", [], SeriesColour)] };
        Assert.That(Count(LineChart.Render(named), SeriesColour), Is.GreaterThan(0));
        Assert.That(Count(LineChart.Render(unnamed), SeriesColour), Is.Zero);
    }

    [Test]
    public void Render_LegendOutside_LegendBesideThePlotWhichNarrows()
    {
        var inside = new LineChartSpec { Series = [new ChartSeries("a long series name", [(0, 0), (1, 1)], SeriesColour)] };
        var outside = inside with { LegendOutside = true };
        LineChartLayout li = LineChartLayout.Compute(inside), lo = LineChartLayout.Compute(outside);
        (int legendWidth, _) = LineChartLayout.LegendSize(outside.Series, lo.Scale);
        Assert.That(lo.PlotWidth, Is.LessThanOrEqualTo(li.PlotWidth - legendWidth));
        Canvas c = LineChart.Render(outside);
        int swatchY = lo.PlotTop + lo.LegendGap + LineChartLayout.LegendPad(lo.Scale) + BitmapFont.CapHeight * lo.Scale / 2;
        int swatchX = lo.PlotLeft + lo.PlotWidth + lo.LegendGap + LineChartLayout.LegendPad(lo.Scale) + 1;
        Assert.That(c.GetPixel(swatchX, swatchY), Is.EqualTo(SeriesColour), "the swatch right of the plot's frame");
        Assert.That(swatchX + legendWidth, Is.LessThanOrEqualTo(outside.Width), "the legend fits in the picture");
    }

    [TestCase(nameof(LineChartSpec.Width), 159)]
    [TestCase(nameof(LineChartSpec.Width), 4097)]
    [TestCase(nameof(LineChartSpec.Height), 0)]
    [TestCase(nameof(LineChartSpec.Height), 5000)]
    [TestCase(nameof(LineChartSpec.TextScale), 9)]
    public void Spec_SizeOutOfRange_ThrowsNamingTheField(string field, int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = field switch
        {
            nameof(LineChartSpec.Width) => new LineChartSpec { Width = value },
            nameof(LineChartSpec.Height) => new LineChartSpec { Height = value },
            _ => new LineChartSpec { TextScale = value },
        });
        Assert.That(e!.ParamName, Is.EqualTo(field));
        var ok = new LineChartSpec();
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = ok with { Width = 100 }, "with-expressions are checked too");
    }

    [Test]
    public void Spec_NullSeriesOrText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new LineChartSpec { Series = null! });
        Assert.Throws<ArgumentException>(() => _ = new LineChartSpec { Series = [null!] });
        Assert.Throws<ArgumentNullException>(() => _ = new LineChartSpec { Title = null! });
        Assert.Throws<ArgumentNullException>(() => _ = new ChartSeries("x", null!, Rgb8.Red));
    }

    [Test]
    public void ChartSeries_CallerListChangedLater_KeepsItsCopy()
    {
        var points = new List<(double X, double Y)> { (0, 1) };
        var series = new ChartSeries("s", points, Rgb8.Red);
        points.Add((1, 2));
        Assert.That(series.Points, Has.Count.EqualTo(1));
    }

    [TestCase(160, 160, 8)]
    [TestCase(4096, 160, 1)]
    [TestCase(1280, 800, 0)]
    public void Render_ExtremeSizesAndScales_DoNotThrow(int width, int height, int textScale)
    {
        var spec = Decay(logY: false) with { Width = width, Height = height, TextScale = textScale };
        Canvas c = null!;
        Assert.DoesNotThrow(() => c = LineChart.Render(spec));
        Assert.That((c.Width, c.Height), Is.EqualTo((width, height)));
    }
}
