namespace RtfmGym.Evaluation;

/// <summary>Order statistics of measured samples (latencies, for instance).</summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="p"/>-th percentile (0 to 100) of <paramref name="values"/>, interpolating
    /// linearly between the two nearest ranks (the "linear" method of numpy.percentile).
    /// </summary>
    /// <exception cref="ArgumentException">No values, or <paramref name="p"/> outside 0..100.</exception>
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("A percentile needs at least one value.", nameof(values));
        if (!(p is >= 0 and <= 100)) throw new ArgumentOutOfRangeException(nameof(p), p, "The percentile must be 0 to 100.");
        double[] sorted = values.Order().ToArray();
        double rank = p / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
