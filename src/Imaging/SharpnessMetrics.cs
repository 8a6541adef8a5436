using RtfmGym.Env.Frames;

namespace RtfmGym.Imaging;

/// <summary>
/// Measures of detail that a blurred mean image cannot pass, where PSNR and SSIM can reward one. All work
/// on 8-bit RGB frames; luma is Y = 0.299 R + 0.587 G + 0.114 B (BT.601), in byte units.
/// <list type="bullet">
/// <item><b>GMR</b> (gradient magnitude ratio): the mean luma gradient magnitude of the generated frame
/// divided by the ground truth's, with forward differences over the pixels that have both neighbours.
/// 1 for the same amount of edges; a blur gives less than 1, noise more.</item>
/// <item><b>fineR²</b>: with r = the image minus its own 8x8 block means (per RGB channel), 1 − Σ(r_gen − r_truth)² / Σ r_truth².
/// 1 for the same fine detail; a blurred copy (no detail inside a block) gives about 0; wrong or noisy
/// detail goes below 0. It is the fine half of an exact split of the squared error into block means and residues.</item>
/// <item><b>Seam ratio</b>: the mean absolute luma step across block borders (every 8th pixel boundary,
/// both directions) divided by the mean step between pixels inside a block. A patch-wise generator that
/// draws each block flat shows seams (ratio well above 1); natural images are near 1.</item>
/// <item><b>Luma spread</b>: the standard deviation of luma; a frame collapsed to one colour has almost none.</item>
/// </list>
/// </summary>
public static class SharpnessMetrics
{
    /// <summary>Side of the blocks that fineR² and the seam ratio measure against, pixels (the frame model's patch).</summary>
    public const int Block = 8;

    /// <summary>A frame counts as collapsed when its luma spread is below this share of the ground truth's.</summary>
    public const double CollapsedSpreadShare = 0.3;

    /// <summary>A frame counts as collapsed when its GMR is below this.</summary>
    public const double CollapsedGmr = 0.25;

    /// <summary>GMR of <paramref name="generated"/> against <paramref name="truth"/>; NaN when the truth has no gradient at all.</summary>
    /// <exception cref="ArgumentException">The frames differ in size.</exception>
    public static double Gmr(Frame generated, Frame truth)
    {
        CheckPair(generated, truth);
        double t = MeanGradient(truth);
        return t > 0 ? MeanGradient(generated) / t : double.NaN;
    }

    /// <summary>Mean luma gradient magnitude of <paramref name="frame"/> (forward differences), luma units per pixel.</summary>
    public static double MeanGradient(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width < 2 || frame.Height < 2) return 0;
        double[] y = Luma(frame);
        int w = frame.Width, h = frame.Height;
        double sum = 0;
        for (int v = 0; v < h - 1; v++)
        {
            for (int u = 0; u < w - 1; u++)
            {
                double gx = y[v * w + u + 1] - y[v * w + u], gy = y[(v + 1) * w + u] - y[v * w + u];
                sum += Math.Sqrt(gx * gx + gy * gy);
            }
        }
        return sum / ((w - 1) * (h - 1));
    }

    /// <summary>fineR² of <paramref name="generated"/> against <paramref name="truth"/>; NaN when the truth has no detail inside its blocks.</summary>
    /// <exception cref="ArgumentException">The frames differ in size.</exception>
    public static double FineR2(Frame generated, Frame truth)
    {
        CheckPair(generated, truth);
        double[] rg = Residues(generated), rt = Residues(truth);
        double error = 0, energy = 0;
        for (int i = 0; i < rt.Length; i++)
        {
            double d = rg[i] - rt[i];
            error += d * d;
            energy += rt[i] * rt[i];
        }
        return energy > 0 ? 1 - error / energy : double.NaN;
    }

    /// <summary>Seam ratio of <paramref name="frame"/>; NaN when it has no block border or nothing changes inside its blocks.</summary>
    public static double SeamRatio(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double[] y = Luma(frame);
        int w = frame.Width, h = frame.Height;
        double across = 0, inside = 0;
        long nAcross = 0, nInside = 0;
        void Add(double step, bool border)
        {
            if (border) { across += step; nAcross++; }
            else { inside += step; nInside++; }
        }
        for (int v = 0; v < h; v++)
            for (int u = 0; u < w - 1; u++)
                Add(Math.Abs(y[v * w + u + 1] - y[v * w + u]), (u + 1) % Block == 0);
        for (int v = 0; v < h - 1; v++)
            for (int u = 0; u < w; u++)
                Add(Math.Abs(y[(v + 1) * w + u] - y[v * w + u]), (v + 1) % Block == 0);
        if (nAcross == 0 || nInside == 0 || inside == 0) return double.NaN;
        return (across / nAcross) / (inside / nInside);
    }

    /// <summary>Standard deviation of <paramref name="frame"/>'s luma, luma units.</summary>
    public static double LumaSpread(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double[] y = Luma(frame);
        double mean = y.Average(), sum = 0;
        foreach (double v in y) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / y.Length);
    }

    /// <summary>
    /// Whether <paramref name="generated"/> has collapsed towards one colour: its luma spread is below
    /// <see cref="CollapsedSpreadShare"/> of the truth's, or its GMR is below <see cref="CollapsedGmr"/>.
    /// </summary>
    public static bool IsCollapsed(Frame generated, Frame truth)
    {
        CheckPair(generated, truth);
        double gmr = Gmr(generated, truth);
        return LumaSpread(generated) < CollapsedSpreadShare * LumaSpread(truth) || (double.IsFinite(gmr) && gmr < CollapsedGmr);
    }

    private static double[] Luma(Frame frame)
    {
        byte[] rgb = frame.Rgb;
        var y = new double[frame.Width * frame.Height];
        for (int i = 0; i < y.Length; i++) y[i] = 0.299 * rgb[i * 3] + 0.587 * rgb[i * 3 + 1] + 0.114 * rgb[i * 3 + 2];
        return y;
    }

    /// <summary>Each RGB value minus the mean of its channel over its block (edge blocks may be smaller), HWC order.</summary>
    private static double[] Residues(Frame frame)
    {
        int w = frame.Width, h = frame.Height;
        byte[] rgb = frame.Rgb;
        var r = new double[rgb.Length];
        for (int by = 0; by < h; by += Block)
        {
            for (int bx = 0; bx < w; bx += Block)
            {
                int y1 = Math.Min(by + Block, h), x1 = Math.Min(bx + Block, w), count = (y1 - by) * (x1 - bx);
                for (int c = 0; c < 3; c++)
                {
                    double sum = 0;
                    for (int v = by; v < y1; v++)
                        for (int u = bx; u < x1; u++) sum += rgb[(v * w + u) * 3 + c];
                    double mean = sum / count;
                    for (int v = by; v < y1; v++)
                        for (int u = bx; u < x1; u++) r[(v * w + u) * 3 + c] = rgb[(v * w + u) * 3 + c] - mean;
                }
            }
        }
        return r;
    }

    private static void CheckPair(Frame a, Frame b) => ImageMetrics.CheckPair(a, b);
}
