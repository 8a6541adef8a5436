using RtfmGym.Env.Frames;
using RtfmGym.Env.IO;
using RtfmGym.Imaging;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// The comparison image of <c>rtfmgym model eval</c>, frames scaled up by a whole factor to at least 80 pixels: a title;
/// one row per sample labelled with its kind, holding its context views, then the model's frame, the
/// nearest-frame copy and the ground truth, with each candidate's PSNR under it; below, the drift strip:
/// the autoregressive frames at a few steps over the ground truth at the same steps, with the step and its PSNR.
/// </summary>
public static class ComparisonSheet
{
    private const int Gap = 4, GroupGap = 12, Margin = 6, LabelWidth = 16 * BitmapFont.Advance;

    /// <summary>Frames are scaled up by whole factors until at least this wide (pixels), so that column labels fit.</summary>
    private const int MinCell = 80;
    private static readonly Rgb8 Background = Rgb8.White, Ink = Rgb8.Black, Faint = Rgb8.DarkGrey;

    /// <summary>Draws the sheet.</summary>
    /// <exception cref="ArgumentException">Nothing to draw, or frames of different sizes.</exception>
    public static Canvas Render(string title, IReadOnlyList<ComparisonRow> rows, DriftStrip? drift)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(rows);
        Frame? first = rows.FirstOrDefault()?.Truth ?? drift?.Truth.FirstOrDefault();
        if (first is null) throw new ArgumentException("The comparison image needs at least one row or drift frame.", nameof(rows));
        Layout layout = Measure(title, rows, drift, first);
        var canvas = new Canvas(layout.Width, layout.Height, Background);
        canvas.DrawText(Margin, Margin, title, Ink);
        DrawSamples(canvas, layout, rows, first);
        if (drift is not null && layout.DriftColumns > 0) DrawDrift(canvas, layout, drift, first);
        return canvas;
    }

    /// <summary>Where everything goes on the sheet, pixels: frames scaled by <paramref name="Scale"/> into cells of <paramref name="CellW"/> by <paramref name="CellH"/>.</summary>
    private sealed record Layout(int Scale, int CellW, int CellH, int ContextColumns, int CandidatesX, int DriftColumns, int SamplesTop, int DriftTop, int Width, int Height)
    {
        /// <summary>Height of one sample row: its frames and the line of figures under them.</summary>
        public int RowHeight => CellH + BitmapFont.LineHeight + Gap;
    }

    private static Layout Measure(string title, IReadOnlyList<ComparisonRow> rows, DriftStrip? drift, Frame first)
    {
        int scale = Math.Max(1, (MinCell + first.Width - 1) / first.Width);
        int cellW = first.Width * scale, cellH = first.Height * scale;
        int line = BitmapFont.LineHeight;
        int contextColumns = rows.Count == 0 ? 0 : rows.Max(r => r.Context.Count);
        int candidatesX = LabelWidth + contextColumns * (cellW + Gap) + GroupGap;
        int sampleWidth = rows.Count == 0 ? 0 : candidatesX + 3 * (cellW + Gap);
        int driftColumns = drift?.Steps.Count ?? 0;
        int driftWidth = LabelWidth + driftColumns * (cellW + Gap);
        int width = Margin + Math.Max(Math.Max(sampleWidth, driftWidth), Canvas.MeasureText(title).Width) + Margin;
        int rowHeight = cellH + line + Gap;
        int samplesTop = Margin + 2 * line + 4;
        int driftTop = samplesTop + rows.Count * rowHeight + (rows.Count > 0 ? GroupGap : 0);
        int driftRows = drift?.Captured is null ? 2 : 3;
        int height = (driftColumns > 0 ? driftTop + line + driftRows * (cellH + Gap) + driftRows * line : driftTop) + Margin;
        return new Layout(scale, cellW, cellH, contextColumns, candidatesX, driftColumns, samplesTop, driftTop, width, height);
    }

    /// <summary>The column heads, then one row per sample: its context, then the model's frame, the nearest frame and the ground truth.</summary>
    private static void DrawSamples(Canvas canvas, Layout layout, IReadOnlyList<ComparisonRow> rows, Frame first)
    {
        int line = BitmapFont.LineHeight, cellW = layout.CellW, cellH = layout.CellH;
        if (rows.Count > 0)
        {
            int y = Margin + line + 4;
            for (int c = 0; c < layout.ContextColumns; c++) canvas.DrawText(Margin + LabelWidth + c * (cellW + Gap), y, $"context {c + 1}", Ink);
            string[] heads = ["model", "nearest frame", "ground truth"];
            for (int c = 0; c < heads.Length; c++) canvas.DrawText(Margin + layout.CandidatesX + c * (cellW + Gap), y, heads[c], Ink);
        }
        for (int r = 0; r < rows.Count; r++)
        {
            ComparisonRow row = rows[r];
            int y = layout.SamplesTop + r * layout.RowHeight;
            canvas.DrawText(Margin, y + cellH / 2 - line / 2, row.Label, Ink);
            for (int c = 0; c < row.Context.Count; c++) Blit(canvas, row.Context[c], Margin + LabelWidth + c * (cellW + Gap), y, layout.Scale, first);
            Frame[] candidates = [row.Model, row.Nearest, row.Truth];
            for (int c = 0; c < candidates.Length; c++)
            {
                int x = Margin + layout.CandidatesX + c * (cellW + Gap);
                Blit(canvas, candidates[c], x, y, layout.Scale, first);
                if (c < 2) canvas.DrawText(x, y + cellH + 2, Psnr(candidates[c], row.Truth), Faint);
            }
        }
    }

    /// <summary>
    /// The drift strip: generated frames (and, when walked, those drawn with the world's capture in memory) over the ground
    /// truth, each column labelled with its step and each walk's PSNR.
    /// </summary>
    private static void DrawDrift(Canvas canvas, Layout layout, DriftStrip drift, Frame first)
    {
        int line = BitmapFont.LineHeight, cellW = layout.CellW, cellH = layout.CellH;
        var walks = new List<(string Label, IReadOnlyList<Frame> Frames)> { ("generated", drift.Generated) };
        if (drift.Captured is { } captured) walks.Add(("with capture", captured));
        canvas.DrawText(Margin, layout.DriftTop, drift.Captured is null ? "drift: generated (top) over ground truth (bottom)"
            : "drift: generated from its own frames (top), with the world's capture in memory (middle), ground truth (bottom)", Ink);
        int y = layout.DriftTop + line;
        for (int w = 0; w < walks.Count; w++) canvas.DrawText(Margin, y + w * (cellH + Gap) + cellH / 2 - line / 2, walks[w].Label, Ink);
        canvas.DrawText(Margin, y + walks.Count * (cellH + Gap) + cellH / 2 - line / 2, "ground truth", Ink);
        for (int c = 0; c < layout.DriftColumns; c++)
        {
            int x = Margin + LabelWidth + c * (cellW + Gap);
            for (int w = 0; w < walks.Count; w++) Blit(canvas, walks[w].Frames[c], x, y + w * (cellH + Gap), layout.Scale, first);
            Blit(canvas, drift.Truth[c], x, y + walks.Count * (cellH + Gap), layout.Scale, first);
            int below = y + (walks.Count + 1) * (cellH + Gap);
            canvas.DrawText(x, below, $"step {drift.Steps[c]}", Ink);
            for (int w = 0; w < walks.Count; w++) canvas.DrawText(x, below + (w + 1) * line, Psnr(walks[w].Frames[c], drift.Truth[c]), Faint);
        }
    }

    /// <summary>Draws the sheet and writes it as PNG through a temporary file and a rename.</summary>
    public static void Write(string path, string title, IReadOnlyList<ComparisonRow> rows, DriftStrip? drift) =>
        AtomicFile.WriteAllBytes(path, Render(title, rows, drift).ToPng());

    private static string Psnr(Frame frame, Frame truth)
    {
        double psnr = ImageMetrics.Psnr(frame, truth);
        return double.IsFinite(psnr) ? FormattableString.Invariant($"{psnr:0.0} dB") : "exact";
    }

    private static void Blit(Canvas canvas, Frame frame, int x, int y, int scale, Frame like)
    {
        if (frame.Width != like.Width || frame.Height != like.Height)
            throw new ArgumentException($"Frames of a comparison image must share one size: {frame.Width}x{frame.Height} beside {like.Width}x{like.Height}.", nameof(frame));
        canvas.Blit(frame.Rgb, frame.Width, frame.Height, x, y, scale);
    }
}
