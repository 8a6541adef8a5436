using System.Globalization;
using RtfmGym.Imaging;

namespace RtfmGym.Cli.Output;

/// <summary>The learning curve of a policy training run (curve.csv of <c>agent train</c>) as a PNG: mean return and success rate per rollout.</summary>
internal static class LearningCurvePicture
{
    /// <summary>Draws <paramref name="csv"/> into <paramref name="png"/>; rollouts in which no episode ended are skipped.</summary>
    public static void Write(string csv, string png, string title)
    {
        var returns = new List<(double X, double Y)>();
        var success = new List<(double X, double Y)>();
        foreach (string line in File.ReadLines(csv).Skip(1))
        {
            string[] f = line.Split(',');
            if (f.Length < 6 || !double.TryParse(f[1], CultureInfo.InvariantCulture, out double steps)) continue;
            if (double.TryParse(f[4], CultureInfo.InvariantCulture, out double r)) returns.Add((steps, r));
            if (double.TryParse(f[5], CultureInfo.InvariantCulture, out double s)) success.Add((steps, s));
        }
        if (returns.Count < 2) return;
        var spec = new LineChartSpec
        {
            Title = title,
            XLabel = "environment steps",
            YLabel = "mean return / success rate",
            Series = [new ChartSeries("mean return", returns, Rgb8.Blue), new ChartSeries("success rate", success, Rgb8.Green)],
        };
        LineChart.Render(spec).Save(png);
    }
}
