using System.Globalization;
using RtfmGym.Env.IO;
using RtfmGym.Imaging;

namespace RtfmGym.Cli.Output;

/// <summary>
/// The held-out learning curve of <c>agent curve</c>: <see cref="CsvFile"/> (run, steps, success, SPL, mean steps: a row
/// per evaluated stage) and <see cref="PngFile"/> (success against steps trained, a line per run).
/// </summary>
internal static class HeldOutCurveFiles
{
    /// <summary>The curve's CSV file.</summary>
    public const string CsvFile = "held-out-curve.csv";

    /// <summary>The curve's picture.</summary>
    public const string PngFile = "held-out-curve.png";

    /// <summary>One evaluated stage: its run's folder, the transitions it was trained for, and its figures.</summary>
    public sealed record Point(string Run, long Steps, double Success, double Spl, double MeanSteps);

    /// <summary>Writes both files into <paramref name="directory"/> (created if missing); the CSV is written atomically.</summary>
    public static void Write(string directory, IReadOnlyList<Point> points, string title)
    {
        Directory.CreateDirectory(directory);
        var rows = points.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{Quoted(p.Run)},{p.Steps},{p.Success:G4},{p.Spl:G4},{p.MeanSteps:G4}"));
        AtomicFile.WriteAllText(Path.Combine(directory, CsvFile), string.Join('\n', rows.Prepend("run,steps,success,spl,mean_steps")) + "\n");
        var series = points.GroupBy(p => p.Run).Select((run, i) => new ChartSeries(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(run.Key)), run.Select(p => ((double)p.Steps, p.Success)).ToArray(), Rgb8.Categorical(i)));
        var spec = new LineChartSpec { Title = title, XLabel = "environment steps trained", YLabel = "success rate", Series = series.ToArray() };
        LineChart.Render(spec).Save(Path.Combine(directory, PngFile));
    }

    private static string Quoted(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
