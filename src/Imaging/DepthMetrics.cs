using RtfmGym.Env.Frames;

namespace RtfmGym.Imaging;

/// <summary>
/// How far a generated frame's depth is from the ground truth's. <b>AbsRel</b> (the usual figure of monocular depth
/// estimation): the mean over pixels of |d − d*| / d*, with d the generated and d* the true depth in metres along the
/// camera's −Z axis; pixels whose true depth is not a positive finite number (rays that hit nothing) are left out. 0 is
/// exact; 0.25 means surfaces placed a quarter of their distance off on average.
/// </summary>
public static class DepthMetrics
{
    /// <summary>
    /// AbsRel of <paramref name="generated"/>'s depth against <paramref name="truth"/>'s; NaN when either frame carries no
    /// depth or no pixel of the truth has a finite depth.
    /// </summary>
    /// <exception cref="ArgumentException">The frames differ in size.</exception>
    public static double AbsRel(Frame generated, Frame truth)
    {
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(truth);
        if (generated.Width != truth.Width || generated.Height != truth.Height)
            throw new ArgumentException($"Depth error needs frames of one size; got {generated.Width}x{generated.Height} and {truth.Width}x{truth.Height}.", nameof(truth));
        if (generated.Depth is not { } d || truth.Depth is not { } t) return double.NaN;
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (!(float.IsFinite(t[i]) && t[i] > 0)) continue;
            sum += Math.Abs(d[i] - t[i]) / t[i];
            counted++;
        }
        return counted == 0 ? double.NaN : sum / counted;
    }
}
