using System.Globalization;
using System.Text.Json.Nodes;
using RtfmGym.Cli.Output;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory.Evaluation;
using Spectre.Console;

namespace RtfmGym.Cli.MemoryEval;

/// <summary>
/// The figures of one <c>rtfmgym memory-eval</c> run, as one JSON document (<see cref="ToJson"/>)
/// or as tables (<see cref="Print"/>). Infinite PSNR (identical images, as with ground-truth
/// frames) is JSON null with an "identical_..." flag, and "inf" in the tables.
/// </summary>
public sealed record MemoryEvalReport
{
    /// <summary>Name of the scenario the episodes ran in.</summary>
    public required string Scenario { get; init; }

    /// <summary>Name of the frame source that drew the observations.</summary>
    public required string Frames { get; init; }

    /// <summary>Image size as <c>WIDTHxHEIGHT</c> in pixels.</summary>
    public required string Camera { get; init; }

    /// <summary>Length of the cost episode, steps; also the largest revisit gap run.</summary>
    public required int Steps { get; init; }

    /// <summary>The pose revisited: floor position (x, z) in metres and yaw in radians (written in degrees in the JSON).</summary>
    public required FloorPose RevisitPose { get; init; }

    /// <summary>One row per gap and memory: the revisit's PSNR and GMR against the first visit and ground truth.</summary>
    public required IReadOnlyList<RevisitRow> Revisits { get; init; }

    /// <summary>Gaps not run, with the reason.</summary>
    public required IReadOnlyList<(int Gap, string Reason)> SkippedGaps { get; init; }

    /// <summary>The cost episode: latency and memory at each checkpoint, and the retrieval audit.</summary>
    public required CostResult Cost { get; init; }

    /// <summary>Full path of the PNG picture of the memory (see <see cref="MemoryMapPicture"/>).</summary>
    public required string MapFile { get; init; }

    /// <summary>Wall-clock time of the whole run, seconds.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>
    /// The report as the JSON document written to <c>report.json</c>: snake_case keys, figures rounded,
    /// the machine and commit it ran on; non-finite figures are null.
    /// </summary>
    public JsonObject ToJson()
    {
        var gaps = new JsonArray();
        foreach (var group in Revisits.GroupBy(r => r.Gap))
        {
            var memories = new JsonObject();
            foreach (RevisitRow r in group)
            {
                memories[r.Memory] = new JsonObject
                {
                    ["psnr_vs_first_visit_db"] = Db(r.PsnrVsFirstVisit),
                    ["identical_to_first_visit"] = double.IsPositiveInfinity(r.PsnrVsFirstVisit),
                    ["psnr_vs_ground_truth_db"] = Db(r.PsnrVsTruth),
                    ["identical_to_ground_truth"] = double.IsPositiveInfinity(r.PsnrVsTruth),
                    ["gmr_vs_ground_truth"] = double.IsFinite(r.GmrVsTruth) ? Math.Round(r.GmrVsTruth, 3) : null,
                    ["context_steps"] = new JsonArray(r.ContextSteps.Select(x => (JsonNode)x).ToArray()),
                    ["oldest_context_age"] = r.ContextSteps.Count == 0 ? null : r.Gap - r.ContextSteps.Min(),
                };
            }
            RevisitRow first = group.First();
            gaps.Add(new JsonObject
            {
                ["gap"] = first.Gap,
                ["turnaround_step"] = first.TurnaroundStep,
                ["farthest_m"] = Math.Round(first.FarthestMetres, 3),
                ["memories"] = memories,
            });
        }
        var rules = new JsonObject();
        foreach (RuleRecall r in Cost.Audit.Results())
        {
            var o = new JsonObject();
            foreach (var (k, v) in r.RecallAtK) o[$"recall_at_{k}"] = Number(v);
            o["mean_retrieved"] = Number(r.MeanRetrieved);
            rules[r.Rule] = o;
        }
        var beyond = new JsonObject();
        foreach (int k in Cost.Audit.Ks) beyond[k.ToString(CultureInfo.InvariantCulture)] = Number(Cost.Audit.BeyondSearchRadius(k));
        return new JsonObject
        {
            ["scenario"] = Scenario,
            ["frames"] = Frames,
            ["camera"] = Camera,
            ["steps"] = Steps,
            ["machine"] = Machine.Describe(),
            ["commit"] = Machine.Commit(),
            ["elapsed_s"] = Math.Round(ElapsedSeconds, 1),
            ["revisit"] = new JsonObject
            {
                ["first_visit_step"] = RevisitExperiment.WarmUpSteps,
                ["pose"] = new JsonObject
                {
                    ["x"] = Math.Round(RevisitPose.Position.X, 3),
                    ["z"] = Math.Round(RevisitPose.Position.Y, 3),
                    ["yaw_degrees"] = Math.Round(RevisitPose.Yaw * 180 / Math.PI, 2),
                },
                ["gaps"] = gaps,
                ["skipped_gaps"] = new JsonArray(SkippedGaps.Select(s => (JsonNode)new JsonObject { ["gap"] = s.Gap, ["reason"] = s.Reason }).ToArray()),
            },
            ["retrieval"] = new JsonObject
            {
                ["targets"] = Cost.Audit.Targets,
                ["targets_without_covisible"] = Cost.Audit.TargetsWithoutCovisible,
                ["ks"] = new JsonArray(Cost.Audit.Ks.Select(k => (JsonNode)k).ToArray()),
                ["oracle_best_beyond_search_radius"] = beyond,
                ["rules"] = rules,
            },
            ["cost"] = new JsonObject
            {
                ["steps"] = Cost.Steps,
                ["window"] = CostExperiment.Window,
                ["timing_runs"] = Cost.TimingRuns,
                ["checkpoints"] = new JsonArray(Cost.Checkpoints.Select(c => (JsonNode)new JsonObject
                {
                    ["step"] = c.Step,
                    ["window_steps"] = c.WindowSteps,
                    ["p50_ms"] = Math.Round(c.P50Ms, 4),
                    ["p95_ms"] = Math.Round(c.P95Ms, 4),
                    ["retrieval_p50_ms"] = Math.Round(c.RetrievalP50Ms, 4),
                    ["render_p50_ms"] = Math.Round(c.RenderP50Ms, 4),
                    ["bank_size"] = c.BankSize,
                    ["working_set_mib"] = Math.Round(c.WorkingSetMiB, 1),
                    ["gc_heap_mib"] = Math.Round(c.GcHeapMiB, 1),
                    ["mean_context"] = Math.Round(c.MeanRetrieved, 2),
                }).ToArray()),
            },
            ["map"] = MapFile,
        };
    }

    /// <summary>Writes the three tables and the notes to standard output.</summary>
    public void Print()
    {
        var revisit = new Table().Title($"[bold]Revisit error vs gap[/] ({Markup.Escape(Scenario)}, {Markup.Escape(Frames)} frames, {Camera}; PSNR in dB, inf = identical)");
        foreach (string c in new[] { "gap", "turnaround", "farthest m" }) revisit.AddColumn(c);
        string[] memories = Revisits.Select(r => r.Memory).Distinct().ToArray();
        foreach (string m in memories)
        {
            revisit.AddColumn($"{m}: vs first visit");
            revisit.AddColumn($"{m}: vs ground truth");
            revisit.AddColumn($"{m}: GMR");
            revisit.AddColumn($"{m}: oldest context age");
        }
        foreach (var group in Revisits.GroupBy(r => r.Gap))
        {
            RevisitRow first = group.First();
            var cells = new List<string> { I(first.Gap), I(first.TurnaroundStep), F(first.FarthestMetres, "0.0") };
            foreach (string m in memories)
            {
                RevisitRow r = group.Single(x => x.Memory == m);
                cells.AddRange([Psnr(r.PsnrVsFirstVisit), Psnr(r.PsnrVsTruth), F(r.GmrVsTruth, "0.00"), r.ContextSteps.Count == 0 ? "-" : I(r.Gap - r.ContextSteps.Min())]);
            }
            revisit.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        Consoles.Out.Write(revisit);
        foreach (var (gap, reason) in SkippedGaps) Consoles.Out.MarkupLine($"[yellow]skipped[/] gap {gap}: {Markup.Escape(reason)}");

        RetrievalAudit audit = Cost.Audit;
        var recall = new Table().Title("[bold]Retrieval audit[/]: recall@K against the covisibility oracle");
        recall.AddColumn("rule");
        foreach (int k in audit.Ks) recall.AddColumn($"recall@{k}");
        recall.AddColumn("mean retrieved");
        foreach (RuleRecall r in audit.Results())
            recall.AddRow([Markup.Escape(r.Rule), .. audit.Ks.Select(k => F(r.RecallAtK[k], "0.000")), F(r.MeanRetrieved, "0.0")]);
        Consoles.Out.Write(recall);
        Consoles.Out.MarkupLine(FormattableString.Invariant(
            $"{audit.Targets} targets scored ({audit.TargetsWithoutCovisible} with nothing covisible left out); of the oracle's best {audit.Ks[0]}, {audit.BeyondSearchRadius(audit.Ks[0]):P0} lie beyond the search radius"));

        // The method in the caption, so the title stays one line however wide the table.
        var cost = new Table().Title($"[bold]Cost vs episode length[/] (one episode of {Cost.Steps} steps)")
            .Caption($"latency of env.Step over the last {CostExperiment.Window} steps to each step shown; each step's least of {Cost.TimingRuns} timings, the windows timed side by side; " +
                "retrieval and render: the memory's and the frame source's shares");
        foreach (string c in new[] { "step", "p50 ms", "p95 ms", "retrieval p50 ms", "render p50 ms", "context/step", "bank size", "working set MiB", "GC heap MiB" }) cost.AddColumn(c);
        foreach (CostCheckpoint c in Cost.Checkpoints)
            cost.AddRow(I(c.Step), F(c.P50Ms, "0.000"), F(c.P95Ms, "0.000"), F(c.RetrievalP50Ms, "0.000"), F(c.RenderP50Ms, "0.000"), F(c.MeanRetrieved, "0.0"), I(c.BankSize), F(c.WorkingSetMiB, "0"), F(c.GcHeapMiB, "0"));
        Consoles.Out.Write(cost);
        Consoles.Out.MarkupLine(FormattableString.Invariant($"wrote [link]{Markup.Escape(MapFile)}[/] (stored poses, entries retrieved for the final pose); {ElapsedSeconds:0} s"));
    }

    private static string I(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double v, string format) => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string Psnr(double db) => double.IsPositiveInfinity(db) ? "inf" : F(db, "0.00");

    private static JsonNode? Db(double db) => double.IsFinite(db) ? Math.Round(db, 3) : null;

    private static JsonNode? Number(double v) => double.IsFinite(v) ? Math.Round(v, 4) : null;
}
