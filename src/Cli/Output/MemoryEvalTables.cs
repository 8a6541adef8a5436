using System.Globalization;
using RtfmGym.Evaluation.Memory;
using Spectre.Console;

namespace RtfmGym.Cli.Output;

/// <summary>
/// Prints a <see cref="MemoryEvalReport"/> as the tables of <c>rtfmgym memory-eval</c>: revisit error vs gap, the
/// retrieval audit, cost vs episode length. Infinite PSNR (identical images) reads "inf", an undefined figure "-".
/// </summary>
public static class MemoryEvalTables
{
    /// <summary>Writes the three tables and their notes to standard output.</summary>
    public static void Print(MemoryEvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        PrintRevisits(report);
        PrintRecall(report.Cost.Audit);
        PrintCost(report.Cost);
        Consoles.Out.MarkupLine(FormattableString.Invariant($"wrote [link]{Markup.Escape(report.MapFile ?? "")}[/] (stored poses, entries retrieved for the final pose); {report.ElapsedSeconds:0} s"));
    }

    private static void PrintRevisits(MemoryEvalReport report)
    {
        var revisit = new Table().Title($"[bold]Revisit error vs gap[/] ({Markup.Escape(report.Scenario)}, {Markup.Escape(report.Frames)} frames, {report.Camera}{(report.CaptureViews > 0 ? $", memory starts from a capture of {report.CaptureViews:N0} ground-truth views" : "")}; PSNR in dB, inf = identical)");
        foreach (string c in new[] { "gap", "turnaround", "farthest m" }) revisit.AddColumn(c);
        string[] memories = report.Revisits.Select(r => r.Memory).Distinct().ToArray();
        foreach (string m in memories)
        {
            revisit.AddColumn($"{m}: vs first visit");
            revisit.AddColumn($"{m}: vs ground truth");
            revisit.AddColumn($"{m}: GMR");
            revisit.AddColumn($"{m}: oldest context age");
        }
        foreach (var group in report.Revisits.GroupBy(r => r.Gap))
        {
            RevisitRow first = group.First();
            var cells = new List<string> { I(first.Gap), I(first.TurnaroundStep), F(first.FarthestMetres, "0.0") };
            foreach (string m in memories)
            {
                RevisitRow r = group.Single(x => x.Memory == m);
                cells.AddRange([Psnr(r.PsnrVsFirstVisit), Psnr(r.PsnrVsTruth), F(r.GmrVsTruth, "0.00"), r.OldestContextAge is { } age ? I(age) : "-"]);
            }
            revisit.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        Consoles.Out.Write(revisit);
        foreach (var (gap, reason) in report.SkippedGaps) Consoles.Out.MarkupLine($"[yellow]skipped[/] gap {gap}: {Markup.Escape(reason)}");
    }

    private static void PrintRecall(RetrievalAudit audit)
    {
        var recall = new Table().Title("[bold]Retrieval audit[/]: recall@K against the covisibility oracle");
        recall.AddColumn("rule");
        foreach (int k in audit.Ks) recall.AddColumn($"recall@{k}");
        recall.AddColumn("mean retrieved");
        foreach (RuleRecall r in audit.Results())
            recall.AddRow([Markup.Escape(r.Rule), .. audit.Ks.Select(k => F(r.RecallAtK[k], "0.000")), F(r.MeanRetrieved, "0.0")]);
        Consoles.Out.Write(recall);
        Consoles.Out.MarkupLine(FormattableString.Invariant(
            $"{audit.Targets} targets scored ({audit.TargetsWithoutCovisible} with nothing covisible left out); of the oracle's best {audit.Ks[0]}, {audit.BeyondSearchRadius(audit.Ks[0]):P0} lie beyond the search radius"));
    }

    private static void PrintCost(CostResult result)
    {
        // The method in the caption, so the title stays one line however wide the table.
        var cost = new Table().Title($"[bold]Cost vs episode length[/] (one episode of {result.Steps} steps)")
            .Caption($"latency of env.Step over the last {CostExperiment.Window} steps to each step shown; each step's least of {result.TimingRuns} timings, the windows timed side by side; " +
                "retrieval and render: the memory's and the frame source's shares");
        foreach (string c in new[] { "step", "p50 ms", "p95 ms", "retrieval p50 ms", "render p50 ms", "context/step", "bank size", "working set MiB", "GC heap MiB" }) cost.AddColumn(c);
        foreach (CostCheckpoint c in result.Checkpoints)
            cost.AddRow(I(c.Step), F(c.P50Ms, "0.000"), F(c.P95Ms, "0.000"), F(c.RetrievalP50Ms, "0.000"), F(c.RenderP50Ms, "0.000"), F(c.MeanRetrieved, "0.0"), I(c.BankSize), F(c.WorkingSetMiB, "0"), F(c.GcHeapMiB, "0"));
        Consoles.Out.Write(cost);
    }

    private static string I(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double v, string format) => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string Psnr(double db) => double.IsPositiveInfinity(db) ? "inf" : F(db, "0.00");
}
