using System.Globalization;
using System.Text.Json.Nodes;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// The figures of one <c>rtfmgym memory-eval</c> run, as one JSON document (<see cref="ToJson"/>)
/// (the command line prints it as tables). Infinite PSNR (identical images, as with ground-truth
/// frames) is JSON null with an "identical_..." flag.
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

    /// <summary>Ground-truth views of the scenario's capture of the world that each revisit loop's memory starts from (a learned source only); 0 for none.</summary>
    public int CaptureViews { get; init; }

    /// <summary>One row per gap and memory: the revisit's PSNR and GMR against the first visit and ground truth.</summary>
    public required IReadOnlyList<RevisitRow> Revisits { get; init; }

    /// <summary>Gaps not run, with the reason.</summary>
    public required IReadOnlyList<(int Gap, string Reason)> SkippedGaps { get; init; }

    /// <summary>The cost episode: latency and memory at each checkpoint, and the retrieval audit.</summary>
    public required CostResult Cost { get; init; }

    /// <summary>Full path of the PNG picture of the memory (see <see cref="MemoryMapPicture"/>); null when none was drawn.</summary>
    public required string? MapFile { get; init; }

    /// <summary>Wall-clock time of the whole run, seconds.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>
    /// The report as the JSON document written to <c>report.json</c>: snake_case keys, figures rounded,
    /// the machine and commit it ran on (<paramref name="provenance"/>); non-finite figures are null.
    /// </summary>
    public JsonObject ToJson(RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return new JsonObject
        {
            ["scenario"] = Scenario,
            ["frames"] = Frames,
            ["camera"] = Camera,
            ["steps"] = Steps,
            ["capture_views"] = CaptureViews,
            ["machine"] = provenance.Machine,
            ["commit"] = provenance.Commit,
            ["elapsed_s"] = Math.Round(ElapsedSeconds, 1),
            ["revisit"] = RevisitJson(),
            ["retrieval"] = RetrievalJson(Cost.Audit),
            ["cost"] = CostJson(Cost),
            ["map"] = MapFile,
        };
    }

    /// <summary>The revisit pose, one entry per gap with each memory's figures, and the gaps skipped.</summary>
    private JsonObject RevisitJson()
    {
        var gaps = new JsonArray();
        foreach (var group in Revisits.GroupBy(r => r.Gap))
        {
            var memories = new JsonObject();
            foreach (RevisitRow r in group) memories[r.Memory] = RevisitRowJson(r);
            RevisitRow first = group.First();
            gaps.Add(new JsonObject
            {
                ["gap"] = first.Gap,
                ["turnaround_step"] = first.TurnaroundStep,
                ["farthest_m"] = Math.Round(first.FarthestMetres, 3),
                ["memories"] = memories,
            });
        }
        return new JsonObject
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
        };
    }

    private static JsonObject RevisitRowJson(RevisitRow r) => new()
    {
        ["psnr_vs_first_visit_db"] = Db(r.PsnrVsFirstVisit),
        ["identical_to_first_visit"] = double.IsPositiveInfinity(r.PsnrVsFirstVisit),
        ["psnr_vs_ground_truth_db"] = Db(r.PsnrVsTruth),
        ["identical_to_ground_truth"] = double.IsPositiveInfinity(r.PsnrVsTruth),
        ["gmr_vs_ground_truth"] = double.IsFinite(r.GmrVsTruth) ? Math.Round(r.GmrVsTruth, 3) : null,
        ["context_steps"] = new JsonArray(r.ContextSteps.Select(x => (JsonNode)x).ToArray()),
        ["oldest_context_age"] = r.OldestContextAge,
    };

    /// <summary>The audit's targets and each rule's recall at every K.</summary>
    private static JsonObject RetrievalJson(RetrievalAudit audit)
    {
        var rules = new JsonObject();
        foreach (RuleRecall r in audit.Results())
        {
            var o = new JsonObject();
            foreach (var (k, v) in r.RecallAtK) o[$"recall_at_{k}"] = Number(v);
            o["mean_retrieved"] = Number(r.MeanRetrieved);
            rules[r.Rule] = o;
        }
        var beyond = new JsonObject();
        foreach (int k in audit.Ks) beyond[k.ToString(CultureInfo.InvariantCulture)] = Number(audit.BeyondSearchRadius(k));
        return new JsonObject
        {
            ["targets"] = audit.Targets,
            ["targets_without_covisible"] = audit.TargetsWithoutCovisible,
            ["ks"] = new JsonArray(audit.Ks.Select(k => (JsonNode)k).ToArray()),
            ["oracle_best_beyond_search_radius"] = beyond,
            ["rules"] = rules,
        };
    }

    /// <summary>The cost episode's latency and memory at each checkpoint.</summary>
    private static JsonObject CostJson(CostResult cost) => new()
    {
        ["steps"] = cost.Steps,
        ["window"] = CostExperiment.Window,
        ["timing_runs"] = cost.TimingRuns,
        ["checkpoints"] = new JsonArray(cost.Checkpoints.Select(c => (JsonNode)new JsonObject
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
    };

    private static JsonNode? Db(double db) => double.IsFinite(db) ? Math.Round(db, 3) : null;

    private static JsonNode? Number(double v) => double.IsFinite(v) ? Math.Round(v, 4) : null;
}
