using System.Globalization;

namespace RtfmGym.Imaging;

/// <summary>
/// A chart axis: the data range it shows, where values fall along it (0 at the low end, 1 at the high
/// end), round tick values and their labels. Linear axes widen to whole ticks; log10 axes keep a small
/// margin around the data and tick decades, or 1-2-5 steps when the data spans under three decades.
/// </summary>
internal sealed class AxisScale
{
    private readonly double _lo, _hi; // in axis units: the value, or its log10

    private AxisScale(bool log, double lo, double hi, double[] major, double[] minor, Func<double, string> format)
    {
        IsLog = log; _lo = lo; _hi = hi; Major = major; Minor = minor; _format = format;
    }

    private readonly Func<double, string> _format;

    public bool IsLog { get; }

    /// <summary>Labelled tick values in data units, ascending.</summary>
    public IReadOnlyList<double> Major { get; }

    /// <summary>Unlabelled tick values (log axes: 2..9 times each decade when few decades show).</summary>
    public IReadOnlyList<double> Minor { get; }

    /// <summary>Whether <paramref name="v"/> can be placed on this axis (finite, and positive on a log axis).</summary>
    public bool Accepts(double v) => double.IsFinite(v) && (!IsLog || v > 0);

    /// <summary>Where <paramref name="v"/> falls: 0 at the low end, 1 at the high end (outside for values beyond).</summary>
    public double Fraction(double v) => ((IsLog ? Math.Log10(v) : v) - _lo) / (_hi - _lo);

    /// <summary>The tick label for <paramref name="v"/>.</summary>
    public string Format(double v) => _format(v);

    /// <summary>
    /// A linear axis over [<paramref name="min"/>, <paramref name="max"/>] (NaN for no data) with about
    /// <paramref name="targetTicks"/> ticks. <paramref name="snapToTicks"/> widens the range to whole ticks
    /// (steps 0..3000 read well); otherwise a 4% margin keeps curves off the frame and ticks fall inside.
    /// </summary>
    public static AxisScale Linear(double min, double max, int targetTicks, bool snapToTicks)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) (min, max) = (0, 1);
        if (min == max)
        {
            // A flat series still needs a span; 10% of the value keeps its digits readable.
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }
        else if (!snapToTicks)
        {
            double margin = max * 0.04 - min * 0.04;
            (min, max) = (min - margin, max + margin);
        }
        // Divide before subtracting so spans near double.MaxValue stay finite.
        double step = NiceStep(max / targetTicks - min / targetTicks);
        long first = snapToTicks ? (long)Math.Floor(min / step + 1e-9) : (long)Math.Ceiling(min / step - 1e-9);
        long last = snapToTicks ? (long)Math.Ceiling(max / step - 1e-9) : (long)Math.Floor(max / step + 1e-9);
        var major = new double[Math.Max(last - first + 1, 0)];
        for (long i = first; i <= last; i++) major[i - first] = Clean(i * step);
        (double lo, double hi) = snapToTicks && major.Length >= 2 ? (major[0], major[^1]) : (min, max);
        if (!double.IsFinite(hi - lo) || hi <= lo) (lo, hi) = (min, max);
        return new AxisScale(false, lo, hi, major, [], v => FormatLinear(v, step));
    }

    /// <summary>A log10 axis over positive [<paramref name="min"/>, <paramref name="max"/>] (NaN for no data) with about <paramref name="targetTicks"/> labelled ticks.</summary>
    public static AxisScale Log10(double min, double max, int targetTicks)
    {
        if (!(min > 0) || !(max > 0) || !double.IsFinite(min) || !double.IsFinite(max)) (min, max) = (1, 10);
        double lo = Math.Log10(min), hi = Math.Log10(max);
        if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
        else
        {
            // A 4% margin keeps the curve off the frame without widening to whole decades, which
            // would squash a loss curve spanning 1.3 decades into half the plot.
            double margin = (hi - lo) * 0.04;
            lo -= margin; hi += margin;
        }
        int firstDecade = (int)Math.Floor(lo), lastDecade = (int)Math.Ceiling(hi);
        double[] decades = Enumerable.Range(firstDecade, lastDecade - firstDecade + 1).Select(d => Math.Pow(10, d)).ToArray();
        bool Inside(double v) => Math.Log10(v) >= lo - 1e-9 && Math.Log10(v) <= hi + 1e-9;
        double[] Multiples(params int[] ms) => decades.SelectMany(d => ms.Select(m => Clean(m * d))).Where(Inside).ToArray();

        double[] major = Multiples(1);
        double[] minor = [];
        if (major.Length >= 3)
        {
            if (major.Length <= 8) minor = Multiples(2, 3, 4, 5, 6, 7, 8, 9);
            int every = (major.Length + targetTicks - 1) / Math.Max(targetTicks, 1);
            if (every > 1)
            {
                // Many decades: label every k-th (multiples of k, so 1e0 stays a tick) and mark the rest.
                minor = major;
                major = major.Where(v => (int)Math.Round(Math.Log10(v)) % every == 0).ToArray();
            }
        }
        else
        {
            major = Multiples(1, 2, 5);
            if (major.Length < 3) major = Multiples(1, 2, 3, 4, 5, 6, 7, 8, 9);
            if (major.Length < 2)
            {
                // Under a ninth of a decade: plain linear ticks inside the range read best.
                AxisScale linear = Linear(Math.Pow(10, lo), Math.Pow(10, hi), targetTicks, snapToTicks: false);
                major = linear.Major.Where(v => v > 0 && Inside(v)).ToArray();
                return new AxisScale(true, lo, hi, major, [], linear._format);
            }
        }
        return new AxisScale(true, lo, hi, major, minor, FormatLog);
    }

    /// <summary><paramref name="raw"/> rounded to 1, 2, 5 or 10 times a power of ten (1 for a non-positive or infinite step).</summary>
    internal static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw)) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double norm = raw / magnitude;
        double nice = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
        return nice * magnitude;
    }

    // Products like 3 * 0.1 land a few ulps off the round value; 12 significant digits trim that
    // without touching any tick a chart can show. Also folds -0 into 0.
    private static double Clean(double v) => v == 0 ? 0 : double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    internal static string FormatLinear(double v, double step)
    {
        if (v == 0) return "0";
        if (Math.Abs(v) >= 1e7 || step < 1e-4) return v.ToString("0.##e0", CultureInfo.InvariantCulture);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return v.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    internal static string FormatLog(double v)
    {
        double a = Math.Abs(v);
        return a >= 1e-4 && a < 1e6
            ? v.ToString("0.#####", CultureInfo.InvariantCulture)
            : v.ToString("0.##e0", CultureInfo.InvariantCulture);
    }
}
