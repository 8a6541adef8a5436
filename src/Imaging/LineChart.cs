namespace RtfmGym.Imaging;

/// <summary>
/// Draws line charts (training curves and the like) onto a white <see cref="Canvas"/>: a framed plot
/// area with grid, tick marks and labels, a title, axis labels and a legend in the top-right corner (or beside the plot, <see cref="LineChartSpec.LegendOutside"/>).
/// Callers smooth or subsample their data first; every point given is drawn.
/// </summary>
public static class LineChart
{
    private static readonly Rgb8 Ink = new(30, 30, 30);
    private static readonly Rgb8 Frame = new(90, 90, 90);
    private static readonly Rgb8 Grid = new(232, 232, 232);

    /// <summary>Renders <paramref name="spec"/> into a new <see cref="LineChartSpec.Width"/> by <see cref="LineChartSpec.Height"/> canvas.</summary>
    public static Canvas Render(LineChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        LineChartLayout layout = LineChartLayout.Compute(spec);
        var canvas = new Canvas(spec.Width, spec.Height, Rgb8.White);
        DrawGridAndTicks(canvas, layout);
        bool any = false;
        foreach (ChartSeries series in spec.Series) any |= DrawSeries(canvas, layout, series);
        if (!any) DrawCentred(canvas, "no data", layout.PlotLeft + layout.PlotWidth / 2, layout.PlotTop + layout.PlotHeight / 2 - 4 * layout.Scale, Rgb8.Grey, layout.Scale);
        canvas.DrawRect(layout.PlotLeft, layout.PlotTop, layout.PlotWidth, layout.PlotHeight, Frame);
        DrawLegend(canvas, layout, spec.Series);
        DrawLabels(canvas, layout, spec);
        return canvas;
    }

    private static void DrawGridAndTicks(Canvas canvas, LineChartLayout l)
    {
        int s = l.Scale, tick = 4 * s, minorTick = 2 * s, bottom = l.PlotTop + l.PlotHeight - 1;
        foreach (double v in l.Y.Minor)
        {
            int y = l.PixelY(v);
            canvas.FillRect(l.PlotLeft - minorTick, y, minorTick, 1, Frame);
        }
        foreach (double v in l.Y.Major)
        {
            int y = l.PixelY(v);
            canvas.FillRect(l.PlotLeft + 1, y, l.PlotWidth - 2, 1, Grid);
            canvas.FillRect(l.PlotLeft - tick, y, tick, 1, Frame);
        }
        foreach (double v in l.X.Major)
        {
            int x = l.PixelX(v);
            canvas.FillRect(x, l.PlotTop + 1, 1, l.PlotHeight - 2, Grid);
            canvas.FillRect(x, bottom + 1, 1, tick, Frame);
        }
        foreach ((double v, string text) in l.YLabels)
        {
            (int w, int h) = Canvas.MeasureText(text, s);
            // Centre on the capital height so digits sit level with their tick.
            canvas.DrawText(l.PlotLeft - tick - 3 * s - w, l.PixelY(v) - (BitmapFont.CapHeight * s) / 2, text, Ink, s);
        }
        foreach ((double v, string text) in l.XLabels)
            DrawCentred(canvas, text, l.PixelX(v), bottom + tick + 3 * s, Ink, s);
    }

    // Returns whether anything of the series was drawable.
    private static bool DrawSeries(Canvas canvas, LineChartLayout l, ChartSeries series)
    {
        // Clip centres so the whole stamp of a thick line (offset before, thickness - 1 - offset after
        // the centre, see Canvas.DrawLine) stays inside the frame.
        int thickness = l.Scale + 1, before = (thickness - 1) / 2, after = thickness - 1 - before;
        double left = l.PlotLeft + 1 + before, top = l.PlotTop + 1 + before;
        double right = l.PlotLeft + l.PlotWidth - 2 - after, bottom = l.PlotTop + l.PlotHeight - 2 - after;
        double px = double.NaN, py = double.NaN;
        int drawn = 0;
        foreach ((double x, double y) in series.Points)
        {
            if (!l.X.Accepts(x) || !l.Y.Accepts(y)) continue; // skipped: neighbours join up
            double cx = l.X0 + l.X.Fraction(x) * (l.PlotWidth - 1), cy = l.YBottom - l.Y.Fraction(y) * (l.PlotHeight - 1);
            if (drawn++ > 0)
            {
                double ax = px, ay = py, bx = cx, by = cy;
                if (SegmentClipper.Clip(ref ax, ref ay, ref bx, ref by, left, top, right, bottom))
                    canvas.DrawLine((int)Math.Round(ax), (int)Math.Round(ay), (int)Math.Round(bx), (int)Math.Round(by), series.Colour, thickness);
            }
            (px, py) = (cx, cy);
        }
        if (drawn == 1)
        {
            // A lone point has no segment to show it; a square marker does.
            int size = 3 * l.Scale + 2;
            canvas.FillRect((int)Math.Round(px) - size / 2, (int)Math.Round(py) - size / 2, size, size, series.Colour);
        }
        return drawn > 0;
    }

    private static void DrawLegend(Canvas canvas, LineChartLayout l, IReadOnlyList<ChartSeries> all)
    {
        ChartSeries[] named = all.Where(s => s.Name.Length > 0).ToArray();
        if (named.Length == 0) return;
        int s = l.Scale, pad = LineChartLayout.LegendPad(s), swatch = LineChartLayout.LegendSwatch(s), rowHeight = LineChartLayout.LegendRow(s);
        (int width, int height) = LineChartLayout.LegendSize(named, s);
        int x = l.LegendOutside ? l.PlotLeft + l.PlotWidth + l.LegendGap : l.PlotLeft + l.PlotWidth - 1 - l.LegendGap - width, y = l.PlotTop + l.LegendGap;
        canvas.FillRect(x, y, width, height, Rgb8.White);
        canvas.DrawRect(x, y, width, height, Rgb8.LightGrey);
        for (int i = 0; i < named.Length; i++)
        {
            int rowTop = y + pad + i * rowHeight;
            int mid = rowTop + (BitmapFont.CapHeight * s) / 2;
            canvas.FillRect(x + pad, mid - s / 2, swatch, s + 1, named[i].Colour);
            canvas.DrawText(x + pad + swatch + pad, rowTop, named[i].Name, Ink, s);
        }
    }

    private static void DrawLabels(Canvas canvas, LineChartLayout l, LineChartSpec spec)
    {
        int s = l.Scale;
        // A title too wide for the picture at double size is drawn at the labels' size rather than cut at both edges.
        int titleScale = Canvas.MeasureText(spec.Title, 2 * s).Width <= spec.Width - 2 * l.Pad ? 2 * s : s;
        if (spec.Title.Length > 0) DrawCentred(canvas, spec.Title, spec.Width / 2, l.TitleTop, Ink, titleScale);
        if (spec.YLabel.Length > 0) canvas.DrawText(l.Pad, l.YLabelTop, spec.YLabel, Ink, s);
        if (spec.XLabel.Length > 0) DrawCentred(canvas, spec.XLabel, l.PlotLeft + l.PlotWidth / 2, l.XLabelTop, Ink, s);
    }

    private static void DrawCentred(Canvas canvas, string text, int centreX, int top, Rgb8 colour, int scale) =>
        canvas.DrawText(centreX - Canvas.MeasureText(text, scale).Width / 2, top, text, colour, scale);
}
