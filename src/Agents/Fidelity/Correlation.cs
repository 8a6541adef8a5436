namespace RtfmGym.Agents.Fidelity;

/// <summary>
/// Correlation coefficients of paired samples: Pearson's r of the values and Spearman's ρ, which is Pearson's r
/// of their ranks, tied values sharing the mean of the ranks they span. Both are NaN where they are undefined:
/// fewer than two pairs, or one side without spread (all its values equal).
/// </summary>
public static class Correlation
{
    /// <summary>Pearson's product-moment correlation of <paramref name="x"/> and <paramref name="y"/>, in [-1, 1], or NaN where undefined.</summary>
    /// <exception cref="ArgumentException">The samples differ in length or hold a non-finite value.</exception>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        int n = x.Count;
        // Compared value by value: a constant sample's mean can differ from its values by rounding, so its
        // deviations need not come out exactly zero.
        if (n < 2 || x.All(v => v == x[0]) || y.All(v => v == y[0])) return double.NaN;
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Spearman's rank correlation of <paramref name="x"/> and <paramref name="y"/> (ties get average ranks), in [-1, 1], or NaN where undefined.</summary>
    /// <exception cref="ArgumentException">The samples differ in length or hold a non-finite value.</exception>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>
    /// The 1-based rank of each value in ascending order, tied values sharing the mean of the ranks they span:
    /// [10, 20, 20, 30] ranks [1, 2.5, 2.5, 4].
    /// </summary>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException("Ranks need finite values.", nameof(values));
        int[] order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        double[] ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

    private static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"Paired samples differ in length ({x.Count} and {y.Count}).", nameof(y));
        if (x.Concat(y).Any(v => !double.IsFinite(v))) throw new ArgumentException("Correlations need finite values.", nameof(x));
    }
}
