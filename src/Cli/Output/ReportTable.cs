using System.Globalization;
using RtfmGym.Agents;
using Spectre.Console;

namespace RtfmGym.Cli.Output;

/// <summary>Prints an evaluation report as a table of episodes and a line of aggregates.</summary>
public static class ReportTable
{
    /// <summary>Prints <paramref name="report"/> to the console.</summary>
    /// <param name="report">The agent's figures over a suite.</param>
    /// <param name="outDir">When set, the folder the episodes' files were written to, named under the table.</param>
    public static void Print(EvaluationReport report, string? outDir = null)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(report.Suite)}[/] with agent [bold]{Markup.Escape(report.Agent)}[/]");
        foreach (string c in new[] { "episode", "seed", "steps", "return", "success", "SPL", "soft-SPL", "coverage", "collisions", "end" }) table.AddColumn(c);
        string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";
        for (int i = 0; i < report.Episodes.Count; i++)
        {
            EpisodeResult e = report.Episodes[i];
            table.AddRow(i.ToString(CultureInfo.InvariantCulture), e.Seed.ToString(CultureInfo.InvariantCulture), e.Steps.ToString(CultureInfo.InvariantCulture), F(e.Return),
                e.Success is { } s ? (s ? "[green]yes[/]" : "[red]no[/]") : "-", F(e.Spl), F(e.SoftSpl), F(e.Coverage),
                e.Collisions.ToString(CultureInfo.InvariantCulture), e.Terminated ? "terminated" : "truncated");
        }
        Consoles.Out.Write(table);
        // Only the figures the task defines: success and SPL for PointNav, coverage for Explore.
        var parts = new List<string>();
        if (report.Episodes.Any(e => e.Success is not null))
            parts.Add(FormattableString.Invariant($"success rate [bold]{report.SuccessRate:0.000}[/], SPL [bold]{report.Spl:0.000}[/], soft-SPL {report.SoftSpl:0.000}"));
        if (report.Episodes.Any(e => e.Coverage is not null))
            parts.Add(FormattableString.Invariant($"coverage [bold]{report.MeanCoverage:0.000}[/]"));
        parts.Add(FormattableString.Invariant($"mean return {report.MeanReturn:0.000}, collisions/episode {report.MeanCollisions:0.0}, steps/episode {report.MeanSteps:0.0}"));
        Consoles.Out.MarkupLine(string.Join(", ", parts));
        if (outDir is not null) Consoles.Out.MarkupLine($"wrote [link]{Markup.Escape(outDir)}[/] (frames, video, episode records, summary.json)");
    }
}
