using RtfmGym.Env.Frames;
using RtfmGym.Env.Imaging;

namespace RtfmGym.Model.Evaluation;

/// <summary>
/// The comparison image of <c>rtfmgym model eval</c>, on a grey background: one row per sample with its
/// context views, a gap, then the model's frame, the nearest-frame copy and the ground truth; below, the
/// drift strip: the autoregressive frames at a few steps over the ground truth at the same steps.
/// </summary>
public static class ComparisonSheet
{
    private const int Gap = 2, GroupGap = 8;
    private const byte Background = 128;

    /// <summary>Renders the sheet as RGB bytes (HWC) with its size.</summary>
    /// <exception cref="ArgumentException">Nothing to draw, or frames of different sizes.</exception>
    public static (byte[] Rgb, int Width, int Height) Render(IReadOnlyList<ComparisonRow> rows, DriftStrip? drift)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Frame? first = rows.FirstOrDefault()?.Truth ?? drift?.Truth.FirstOrDefault();
        if (first is null) throw new ArgumentException("The comparison image needs at least one row or drift frame.", nameof(rows));
        int size = first.Width, height = first.Height;
        int contextColumns = rows.Count == 0 ? 0 : rows.Max(r => r.Context.Count);
        int sampleWidth = rows.Count == 0 ? 0 : contextColumns * (size + Gap) + GroupGap + 3 * (size + Gap) - Gap;
        int driftColumns = drift?.Steps.Count ?? 0;
        int driftWidth = driftColumns * (size + Gap) - Gap;
        int width = Math.Max(sampleWidth, driftWidth);
        int sampleHeight = rows.Count * (height + Gap);
        int total = sampleHeight + (driftColumns > 0 ? (rows.Count > 0 ? GroupGap : 0) + 2 * (height + Gap) : 0) - Gap;
        var rgb = new byte[width * total * 3];
        Array.Fill(rgb, Background);
        for (int r = 0; r < rows.Count; r++)
        {
            int y = r * (height + Gap);
            ComparisonRow row = rows[r];
            for (int c = 0; c < row.Context.Count; c++) Blit(row.Context[c], rgb, width, c * (size + Gap), y);
            int x = contextColumns * (size + Gap) + GroupGap;
            foreach (Frame f in new[] { row.Model, row.Nearest, row.Truth }) { Blit(f, rgb, width, x, y); x += size + Gap; }
        }
        if (drift is not null)
        {
            int y = sampleHeight + (rows.Count > 0 ? GroupGap : 0);
            for (int c = 0; c < driftColumns; c++)
            {
                Blit(drift.Generated[c], rgb, width, c * (size + Gap), y);
                Blit(drift.Truth[c], rgb, width, c * (size + Gap), y + height + Gap);
            }
        }
        return (rgb, width, total);
    }

    /// <summary>Renders the sheet and writes it as PNG through a temporary file and a rename.</summary>
    public static void Write(string path, IReadOnlyList<ComparisonRow> rows, DriftStrip? drift)
    {
        var (rgb, width, height) = Render(rows, drift);
        AtomicFile.WriteAllBytes(path, PngWriter.Encode(width, height, rgb));
    }

    private static void Blit(Frame frame, byte[] dest, int destWidth, int x0, int y0)
    {
        if (frame.Width * 3 + x0 * 3 > destWidth * 3) throw new ArgumentException("Frames of a comparison image must share one size.", nameof(frame));
        for (int y = 0; y < frame.Height; y++)
            Array.Copy(frame.Rgb, y * frame.Width * 3, dest, ((y0 + y) * destWidth + x0) * 3, frame.Width * 3);
    }
}
