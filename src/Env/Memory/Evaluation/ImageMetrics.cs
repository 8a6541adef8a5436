namespace RtfmGym.Env.Memory.Evaluation;

/// <summary>Image comparisons for the memory and fidelity reports (docs/memory.md).</summary>
public static class ImageMetrics
{
    /// <summary>
    /// Peak signal-to-noise ratio of two 8-bit images of the same size, in decibels:
    /// 10 log10(255^2 / mean squared difference) over every byte (all channels).
    /// +infinity when the images are identical.
    /// </summary>
    /// <exception cref="ArgumentException">The images differ in length or are empty.</exception>
    public static double Psnr(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Images of {a.Length} and {b.Length} bytes cannot be compared; they must be the same size.", nameof(b));
        if (a.Length == 0) throw new ArgumentException("The images are empty.", nameof(a));
        long sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = a[i] - b[i];
            sum += d * d;
        }
        if (sum == 0) return double.PositiveInfinity;
        double mse = (double)sum / a.Length;
        return 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
