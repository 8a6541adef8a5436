namespace RtfmGym.Imaging;

/// <summary>
/// Where a <see cref="LineChart"/> puts things, in pixels (origin top-left, y down): the plot area,
/// the axes fitted to the data, the tick labels that fit without overlapping, and the text rows.
/// </summary>
internal sealed record LineChartLayout
{
    public required int Scale { get; init; }
    public required int Pad { get; init; }
    public required int TitleTop { get; init; }
    public required int YLabelTop { get; init; }
    public required int XLabelTop { get; init; }
    public required int PlotLeft { get; init; }
    public required int PlotTop { get; init; }
    public required int PlotWidth { get; init; }
    public required int PlotHeight { get; init; }
    public required AxisScale X { get; init; }
    public required AxisScale Y { get; init; }
    public required IReadOnlyList<(double Value, string Text)> XLabels { get; init; }
    public required IReadOnlyList<(double Value, string Text)> YLabels { get; init; }
    public required bool LegendOutside { get; init; }

    /// <summary>The gap between the plot's frame and a legend beside it or inside it, pixels.</summary>
    public int LegendGap => 6 * Scale;

    /// <summary>Pixel column of the plot's left edge, where the x axis's low end falls.</summary>
    public double X0 => PlotLeft;

    /// <summary>Pixel row of the plot's bottom edge, where the y axis's low end falls.</summary>
    public double YBottom => PlotTop + PlotHeight - 1;

    public int PixelX(double v) => (int)Math.Round(X0 + X.Fraction(v) * (PlotWidth - 1));

    public int PixelY(double v) => (int)Math.Round(YBottom - Y.Fraction(v) * (PlotHeight - 1));

    public static LineChartLayout Compute(LineChartSpec spec)
    {
        int s = spec.EffectiveTextScale, pad = 8 * s, glyph = BitmapFont.GlyphHeight * s, tick = 4 * s;
        int titleTop = pad;
        int yLabelTop = titleTop + (spec.Title.Length > 0 ? 2 * glyph + 6 * s : 0);
        // Room above the plot for half of the top tick label, which is centred on the frame.
        int plotTop = yLabelTop + (spec.YLabel.Length > 0 ? glyph + 4 * s : 0) + 4 * s;
        int xTicksBottom = tick + 3 * s + glyph;
        int bottomMargin = xTicksBottom + (spec.XLabel.Length > 0 ? 4 * s + glyph : 0) + pad;
        // Tiny charts with large text would leave no plot; keep a sliver and let drawing clip.
        int plotHeight = Math.Max(8, spec.Height - bottomMargin - plotTop);

        (double xMin, double xMax, double yMin, double yMax) = DataRange(spec);
        AxisScale y = spec.LogY
            ? AxisScale.Log10(yMin, yMax, Math.Clamp(plotHeight / (40 * s), 2, 10))
            : AxisScale.Linear(yMin, yMax, Math.Clamp(plotHeight / (40 * s), 2, 10), snapToTicks: false);
        int yTextWidth = y.Major.Select(v => Canvas.MeasureText(y.Format(v), s).Width).DefaultIfEmpty(0).Max();
        int plotLeft = pad + yTextWidth + 3 * s + tick;

        int legend = spec.LegendOutside && spec.Series.Any(n => n.Name.Length > 0) ? LegendSize(spec.Series, s).Width + 6 * s : 0;
        int Width(int right) => Math.Max(8, spec.Width - plotLeft - right - legend);
        AxisScale x = AxisScale.Linear(xMin, xMax, Math.Clamp(Width(pad) / (90 * s), 2, 10), snapToTicks: true);
        int lastHalf = x.Major.Count == 0 ? 0 : Canvas.MeasureText(x.Format(x.Major[^1]), s).Width / 2;
        int firstHalf = x.Major.Count == 0 ? 0 : Canvas.MeasureText(x.Format(x.Major[0]), s).Width / 2;
        plotLeft = Math.Max(plotLeft, firstHalf + 2 * s);
        int plotWidth = Width(Math.Max(pad, lastHalf + 2 * s));

        var layout = new LineChartLayout
        {
            Scale = s, Pad = pad, TitleTop = titleTop, YLabelTop = yLabelTop,
            XLabelTop = plotTop + plotHeight + xTicksBottom + 4 * s,
            PlotLeft = plotLeft, PlotTop = plotTop, PlotWidth = plotWidth, PlotHeight = plotHeight,
            X = x, Y = y, XLabels = [], YLabels = [], LegendOutside = legend > 0,
        };
        int xGap = x.Major.Select(v => Canvas.MeasureText(x.Format(v), s).Width).DefaultIfEmpty(0).Max() + 12 * s;
        return layout with
        {
            XLabels = Thin(x, layout.PixelX, xGap),
            YLabels = Thin(y, layout.PixelY, glyph + 3 * s),
        };
    }

    /// <summary>The legend box of the named series of <paramref name="series"/> at text scale <paramref name="s"/>, pixels; (0, 0) when none is named.</summary>
    public static (int Width, int Height) LegendSize(IReadOnlyList<ChartSeries> series, int s)
    {
        ChartSeries[] named = series.Where(n => n.Name.Length > 0).ToArray();
        if (named.Length == 0) return (0, 0);
        int textWidth = named.Max(n => Canvas.MeasureText(n.Name, s).Width);
        return (LegendPad(s) + LegendSwatch(s) + LegendPad(s) + textWidth + LegendPad(s), LegendPad(s) + (named.Length - 1) * LegendRow(s) + BitmapFont.GlyphHeight * s + LegendPad(s));
    }

    public static int LegendPad(int s) => 4 * s;

    public static int LegendSwatch(int s) => 14 * s;

    public static int LegendRow(int s) => BitmapFont.LineHeight * s + 2 * s;

    // Drops labels that would touch the previous one kept, so crowded ticks stay readable.
    private static List<(double, string)> Thin(AxisScale axis, Func<double, int> pixel, int minGap)
    {
        var kept = new List<(double, string)>();
        int last = int.MinValue / 2;
        foreach (double v in axis.Major)
        {
            int p = pixel(v);
            if (Math.Abs(p - last) < minGap) continue;
            kept.Add((v, axis.Format(v)));
            last = p;
        }
        return kept;
    }

    // The range of the points each axis can show; NaN when there are none.
    private static (double XMin, double XMax, double YMin, double YMax) DataRange(LineChartSpec spec)
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        foreach (ChartSeries series in spec.Series)
        {
            foreach ((double x, double y) in series.Points)
            {
                if (!double.IsFinite(x) || !double.IsFinite(y) || (spec.LogY && y <= 0)) continue;
                xMin = Math.Min(xMin, x); xMax = Math.Max(xMax, x);
                yMin = Math.Min(yMin, y); yMax = Math.Max(yMax, y);
            }
        }
        return xMin <= xMax ? (xMin, xMax, yMin, yMax) : (double.NaN, double.NaN, double.NaN, double.NaN);
    }
}
