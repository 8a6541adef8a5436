using RtfmGym.Env.Frames;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Model.Training;

/// <summary>
/// Degrades a ground-truth context frame the way a long rollout degrades the model's own frames, so that training shows
/// the network what it reads late in a rollout: the frame is blurred (averaged over blocks of 2, 4 or 8 pixels, then
/// interpolated back, bilinearly) and its colours pulled towards the frame's mean colour (kept contrast 0.3 to 1). Depth,
/// where the frame has it, is blurred the same way, as the model's own depth is smooth. Such a view is marked generated,
/// so the network learns to take its layout and colours and to draw detail that it lacks, rather than copy the blur on.
/// </summary>
public static class ContextDegradation
{
    /// <summary>Block sides of the blur, pixels; one is drawn per frame.</summary>
    public static IReadOnlyList<int> BlurBlocks { get; } = [2, 4, 8];

    /// <summary>Least share of each pixel's distance from the mean colour that is kept.</summary>
    public const double MinContrast = 0.3;

    /// <summary>
    /// A degraded copy of <paramref name="frame"/> (a side divisible by the largest block, like every training size) with
    /// one blur and contrast drawn from <paramref name="rng"/>. Object ids are dropped.
    /// </summary>
    public static Frame Apply(Frame frame, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(rng);
        int block = rng.Pick(BlurBlocks);
        double contrast = rng.Uniform(MinContrast, 1.0);
        int w = frame.Width, h = frame.Height, pixels = w * h;
        if (w % block != 0 || h % block != 0)
            throw new ArgumentException($"A {w}x{h} frame cannot be blurred in {block}-pixel blocks.", nameof(frame));
        var rgb = new byte[pixels * 3];
        var plane = new float[pixels];
        for (int c = 0; c < 3; c++)
        {
            double mean = 0;
            for (int i = 0; i < pixels; i++) mean += plane[i] = frame.Rgb[i * 3 + c];
            mean /= pixels;
            float[] blurred = Blur(plane, w, h, block);
            for (int i = 0; i < pixels; i++)
                rgb[i * 3 + c] = (byte)Math.Clamp(Math.Round(mean + contrast * (blurred[i] - mean)), 0, 255);
        }
        float[]? depth = frame.Depth is { } d && d.All(float.IsFinite) ? Blur(d, w, h, block) : frame.Depth;
        return new Frame(w, h, rgb, depth);
    }

    /// <summary>The mean of each <paramref name="block"/>-pixel block, interpolated bilinearly between block centres.</summary>
    private static float[] Blur(float[] plane, int w, int h, int block)
    {
        int bw = w / block, bh = h / block;
        var means = new float[bw * bh];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) means[(y / block) * bw + x / block] += plane[y * w + x];
        for (int i = 0; i < means.Length; i++) means[i] /= block * block;
        var result = new float[w * h];
        for (int y = 0; y < h; y++)
        {
            // Block centres sit at (j + 0.5)·block − 0.5; beyond the outer centres the edge value holds.
            double fy = Math.Clamp((y + 0.5) / block - 0.5, 0, bh - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, bh - 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++)
            {
                double fx = Math.Clamp((x + 0.5) / block - 0.5, 0, bw - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, bw - 1);
                double tx = fx - x0;
                double top = means[y0 * bw + x0] * (1 - tx) + means[y0 * bw + x1] * tx;
                double bottom = means[y1 * bw + x0] * (1 - tx) + means[y1 * bw + x1] * tx;
                result[y * w + x] = (float)(top * (1 - ty) + bottom * ty);
            }
        }
        return result;
    }
}
