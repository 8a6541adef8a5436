using RtfmGym.Env.Frames;

namespace RtfmGym.Imaging;

/// <summary>
/// Full-reference image quality of a generated frame against the ground truth, on 8-bit RGB
/// (HWC bytes, the layout of <see cref="Frame.Rgb"/>). Both figures are symmetric in their arguments.
/// <list type="bullet">
/// <item><b>PSNR</b>, decibels: 10·log10(255² / MSE), the mean squared error taken over every byte
/// of all three channels; identical images give +infinity.</item>
/// <item><b>SSIM</b> (Wang et al. 2004), in [-1, 1], 1 for identical images: computed on each RGB
/// channel separately with an 11x11 Gaussian window (σ = 1.5 pixels), C1 = (0.01·255)², C2 = (0.03·255)²,
/// averaged over the windows that lie wholly inside the image (no padding, as the reference
/// implementation's 'valid' filtering), then averaged over the three channels (not on luminance).</item>
/// </list>
/// </summary>
public static class ImageMetrics
{
    /// <summary>Side of the SSIM window, pixels.</summary>
    public const int SsimWindow = 11;

    /// <summary>Standard deviation of the SSIM window's Gaussian, pixels.</summary>
    public const double SsimSigma = 1.5;

    private const double Peak = 255.0;
    private const double C1 = (0.01 * Peak) * (0.01 * Peak), C2 = (0.03 * Peak) * (0.03 * Peak);
    private static readonly double[] Kernel = GaussianKernel(SsimWindow, SsimSigma);

    /// <summary>PSNR of two frames' RGB, decibels (+infinity when identical).</summary>
    /// <exception cref="ArgumentException">The frames differ in size.</exception>
    public static double Psnr(Frame a, Frame b)
    {
        CheckPair(a, b);
        return Psnr(a.Rgb, b.Rgb);
    }

    /// <summary>PSNR of two equally long byte images (any layout), decibels, peak 255 (+infinity when identical).</summary>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double Psnr(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length || a.Length == 0)
            throw new ArgumentException($"PSNR needs two non-empty images of the same size; got {a.Length} and {b.Length} bytes.", nameof(b));
        long sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = a[i] - b[i];
            sum += d * d;
        }
        if (sum == 0) return double.PositiveInfinity;
        double mse = (double)sum / a.Length;
        return 10.0 * Math.Log10(Peak * Peak / mse);
    }

    /// <summary>SSIM of two frames' RGB, the mean over the three channels.</summary>
    /// <exception cref="ArgumentException">The frames differ in size or are smaller than the 11x11 window.</exception>
    public static double Ssim(Frame a, Frame b)
    {
        CheckPair(a, b);
        return Ssim(a.Rgb, b.Rgb, a.Width, a.Height);
    }

    /// <summary>SSIM of two RGB images (HWC bytes, <paramref name="width"/> x <paramref name="height"/>), the mean over the three channels.</summary>
    /// <exception cref="ArgumentException">A length does not match the size, or the image is smaller than the 11x11 window.</exception>
    public static double Ssim(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int width, int height)
    {
        if (width < SsimWindow || height < SsimWindow)
            throw new ArgumentException($"SSIM needs images of at least {SsimWindow}x{SsimWindow} pixels (its window); got {width}x{height}.", nameof(width));
        if (a.Length != width * height * 3 || b.Length != width * height * 3)
            throw new ArgumentException($"SSIM needs two {width}x{height} RGB images ({width * height * 3} bytes); got {a.Length} and {b.Length}.", nameof(b));
        double total = 0;
        for (int c = 0; c < 3; c++) total += ChannelSsim(a, b, width, height, c);
        return total / 3;
    }

    private static double ChannelSsim(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int width, int height, int channel)
    {
        int n = width * height;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++) (x[i], y[i]) = (a[i * 3 + channel], b[i * 3 + channel]);
        var xx = new double[n];
        var yy = new double[n];
        var xy = new double[n];
        for (int i = 0; i < n; i++) (xx[i], yy[i], xy[i]) = (x[i] * x[i], y[i] * y[i], x[i] * y[i]);
        int outW = width - SsimWindow + 1, outH = height - SsimWindow + 1;
        double[] mx = Filter(x, width, height), my = Filter(y, width, height);
        double[] sxx = Filter(xx, width, height), syy = Filter(yy, width, height), sxy = Filter(xy, width, height);
        double sum = 0;
        for (int i = 0; i < outW * outH; i++)
        {
            double vx = sxx[i] - mx[i] * mx[i], vy = syy[i] - my[i] * my[i], cov = sxy[i] - mx[i] * my[i];
            sum += (2 * mx[i] * my[i] + C1) * (2 * cov + C2) / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
        }
        return sum / (outW * outH);
    }

    /// <summary>Separable Gaussian filtering keeping only the windows wholly inside the image: (width − 10) x (height − 10) values.</summary>
    private static double[] Filter(double[] image, int width, int height)
    {
        int outW = width - SsimWindow + 1, outH = height - SsimWindow + 1;
        var rows = new double[outW * height];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < outW; c++)
            {
                double s = 0;
                for (int k = 0; k < SsimWindow; k++) s += Kernel[k] * image[r * width + c + k];
                rows[r * outW + c] = s;
            }
        var result = new double[outW * outH];
        for (int r = 0; r < outH; r++)
            for (int c = 0; c < outW; c++)
            {
                double s = 0;
                for (int k = 0; k < SsimWindow; k++) s += Kernel[k] * rows[(r + k) * outW + c];
                result[r * outW + c] = s;
            }
        return result;
    }

    private static double[] GaussianKernel(int size, double sigma)
    {
        var k = new double[size];
        int half = size / 2;
        for (int i = 0; i < size; i++) k[i] = Math.Exp(-((i - half) * (i - half)) / (2 * sigma * sigma));
        double total = k.Sum();
        for (int i = 0; i < size; i++) k[i] /= total;
        return k;
    }

    internal static void CheckPair(Frame a, Frame b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Width != b.Width || a.Height != b.Height)
            throw new ArgumentException($"Frames of different sizes cannot be compared: {a.Width}x{a.Height} and {b.Width}x{b.Height}.", nameof(b));
    }
}
