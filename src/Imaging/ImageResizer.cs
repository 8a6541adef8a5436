using RtfmGym.Env.Frames;

namespace RtfmGym.Imaging;

/// <summary>Fits pictures to a camera's size: the centre cut to the camera's aspect ratio, then resampled by area averaging.</summary>
public static class ImageResizer
{
    /// <summary>
    /// <paramref name="picture"/> fitted to <paramref name="width"/>x<paramref name="height"/>: its centre cut to that aspect ratio
    /// (so nothing is stretched), then each output pixel the mean of the source pixels it covers, partly covered ones weighted by
    /// the share covered: shrinking does not alias, and enlarging repeats each source pixel, blended where two meet. The same
    /// picture is returned when it already has the size. Only the colours are kept.
    /// </summary>
    public static Frame Fit(Frame picture, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (picture.Width == width && picture.Height == height) return picture;
        // The largest centred window of the target's aspect ratio, in source pixels.
        double scale = Math.Min((double)picture.Width / width, (double)picture.Height / height);
        double x0 = (picture.Width - width * scale) / 2, y0 = (picture.Height - height * scale) / 2;
        var rgb = new byte[width * height * 3];
        Span<double> sum = stackalloc double[3];
        for (int y = 0; y < height; y++)
        {
            double top = y0 + y * scale, bottom = top + scale;
            for (int x = 0; x < width; x++)
            {
                double left = x0 + x * scale, right = left + scale, area = 0;
                sum.Clear();
                for (int sy = (int)Math.Floor(top); sy < Math.Min(picture.Height, (int)Math.Ceiling(bottom)); sy++)
                {
                    double wy = Math.Min(bottom, sy + 1) - Math.Max(top, sy);
                    for (int sx = (int)Math.Floor(left); sx < Math.Min(picture.Width, (int)Math.Ceiling(right)); sx++)
                    {
                        double w = wy * (Math.Min(right, sx + 1) - Math.Max(left, sx));
                        int s = (sy * picture.Width + sx) * 3;
                        for (int c = 0; c < 3; c++) sum[c] += w * picture.Rgb[s + c];
                        area += w;
                    }
                }
                int o = (y * width + x) * 3;
                for (int c = 0; c < 3; c++) rgb[o + c] = (byte)Math.Clamp(Math.Round(sum[c] / area), 0, 255);
            }
        }
        return new Frame(width, height, rgb);
    }
}
