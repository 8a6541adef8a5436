using System.Globalization;
using RtfmGym.Agents;
using RtfmGym.Agents.Fidelity;
using RtfmGym.Imaging;

namespace RtfmGym.Cli.Output;

/// <summary>
/// A fidelity report as a scatter plot: one marker per policy at (figure in the ground-truth world, figure in the
/// learned world), each in its own colour and named in the legend beside the plot, over the line y = x where a
/// perfectly faithful world puts every policy.
/// </summary>
internal static class FidelityScatterPicture
{
    /// <summary>Draws <paramref name="figure"/> (success rate, SPL, ... in [0, 1]) of every policy of <paramref name="report"/> into <paramref name="png"/>.</summary>
    /// <param name="report">The policies' figures in both worlds.</param>
    /// <param name="figure">Which figure to plot.</param>
    /// <param name="name">The figure's name in the title and axis labels.</param>
    /// <param name="spearman">Its rank correlation across the policies, named under the plot (NaN: n/a).</param>
    /// <param name="png">The file written.</param>
    public static void Write(FidelityReport report, Func<EvaluationReport, double> figure, string name, double spearman, string png)
    {
        // The line runs a little past [0, 1] so markers at 0 and 1 sit inside the frame, not half under it.
        var series = new List<ChartSeries> { new("y = x (faithful)", [(-0.04, -0.04), (1.04, 1.04)], Rgb8.LightGrey) };
        for (int i = 0; i < report.Policies.Count; i++)
        {
            PolicyFidelity p = report.Policies[i];
            series.Add(new ChartSeries(p.Policy, [(figure(p.GroundTruth), figure(p.Learned))], Rgb8.Categorical(i)));
        }
        var spec = new LineChartSpec
        {
            Title = $"{name}: ground truth vs learned world ({report.Suite})",
            XLabel = $"{name} in the ground-truth world; Spearman {(double.IsNaN(spearman) ? "n/a" : spearman.ToString("0.00", CultureInfo.InvariantCulture))}",
            YLabel = $"{name} in the learned world",
            Width = 1280,
            Height = 800,
            LegendOutside = true,
            Series = series,
        };
        LineChart.Render(spec).Save(png);
    }
}
