using System.Globalization;
using RtfmGym.Evaluation.Model;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using Spectre.Console;

namespace RtfmGym.Cli.Output;

/// <summary>
/// Prints a <see cref="ModelEvalResult"/> as the tables of <c>rtfmgym model eval</c>: fidelity by kind and context
/// views, the drift rollout and the out-and-back walk, then a note on how each figure is measured. A figure that is
/// not finite reads "-".
/// </summary>
public static class ModelEvalTables
{
    /// <summary>Writes the tables of <paramref name="r"/>, the evaluation of <paramref name="checkpoint"/> (trained as <paramref name="training"/> says), to standard output.</summary>
    public static void Print(ModelEvalResult r, string checkpoint, TrainingSummary? training)
    {
        ArgumentNullException.ThrowIfNull(r);
        PrintFidelity(r, checkpoint, training);
        if (r.Drift is { } d) PrintDrift(d);
        if (r.DriftCapture is { } c) PrintDrift(c.Drift, FormattableString.Invariant($"drift with the world's capture in memory ({c.Views:N0} ground-truth views, {c.SpacingMetres:0.##} m apart, {c.Headings} headings)"));
        if (r.OutAndBack is { } o) PrintOutAndBack(o);
        Consoles.Out.MarkupLine(FormattableString.Invariant($"[grey]PSNR: dB on RGB. SSIM: 11x11 Gaussian (sigma 1.5), mean of RGB channels. GMR: luma gradient vs truth (blur < 1). fineR²: detail inside 8x8 blocks (blur 0, wrong detail < 0). Seams: edges across 8-px block borders / inside. Nearest: least metres + 1 m/rad x turn. Depth: AbsRel error, mean |d - d*| / d*, of the model's depth and (in brackets) of the nearest frame's taken as is. Oracle: each patch copied from where the true geometry says a view sees it (the ceiling of a right copy path; seen: patches some view sees). Drift: frames fed back into memory; gap = ground-truth-memory PSNR minus it; with a capture, the memory also holds true views on a floor grid. {r.Seconds:0} s, {torch.get_num_threads()} torch threads[/]"));
    }

    private static void PrintFidelity(ModelEvalResult r, string checkpoint, TrainingSummary? training)
    {
        string trained = training is null ? "" : $", {training.Steps} steps";
        var table = new Table().Title(Markup.Escape($"{r.Preset} ({checkpoint}{trained}) on {r.Worlds} held-out worlds, {r.ImageSize}px, {r.SamplesPerCell} samples per row, {r.SamplerSteps} sampler steps"));
        foreach (string c in new[] { "kind", "views", "model PSNR", "model SSIM", "GMR", "fineR²", "seams (truth)", "nearest PSNR / SSIM", "PSNR gain", "oracle PSNR (seen)", "depth (nearest)" })
            table.AddColumn(c == "kind" ? new TableColumn(c).RightAligned().NoWrap() : new TableColumn(c).RightAligned());
        foreach (FidelityCell c in r.Cells)
        {
            string kind = c.Kind == SampleKind.Trajectory ? "trajectory (last k)" : ModelEvaluator.Name(c.Kind);
            table.AddRow(kind, c.Views.ToString(CultureInfo.InvariantCulture), F(c.ModelPsnr, "0.00"), F(c.ModelSsim, "0.000"),
                F(c.ModelGmr, "0.00"), F(c.ModelFineR2, "0.00"), $"{F(c.ModelSeamRatio, "0.0")} ({F(c.TruthSeamRatio, "0.0")})",
                $"{F(c.NearestPsnr, "0.00")} / {F(c.NearestSsim, "0.000")}", F(c.ModelPsnr - c.NearestPsnr, "+0.00;-0.00"),
                $"{F(c.OraclePsnr, "0.00")} ({F(c.OracleCovered * 100, "0")}%)", $"{F(c.ModelDepthAbsRel, "0.00")} ({F(c.NearestDepthAbsRel, "0.00")})");
        }
        Consoles.Out.Write(table);
    }

    private static void PrintDrift(DriftResult d, string name = "drift")
    {
        var drift = new Table().Title(Markup.Escape($"{name}: {d.Steps} steps ({d.PathMetres:0.#} m), held-out world {d.WorldSeed}, {d.CollapsedFrames} collapsed frames, mean lag {d.MeanLagSteps:0.0} steps{(d.ReferenceMeanLagSteps is { } rl ? $" (ground-truth memory: {rl:0.0})" : "")}{DepthError(d)}"));
        foreach (string c in new[] { "step", "PSNR", "SSIM", "GMR", "PSNR, ground-truth memory", "GMR, ground-truth memory", "gap dB" }) drift.AddColumn(new TableColumn(c).RightAligned());
        foreach (DriftPoint p in d.Points)
            drift.AddRow(p.Step.ToString(CultureInfo.InvariantCulture), F(p.Psnr, "0.00"), F(p.Ssim, "0.000"), F(p.Gmr, "0.00"),
                F(p.GroundTruthContextPsnr, "0.00"), F(p.GroundTruthContextGmr, "0.00"), F(p.GapDb, "+0.00;-0.00"));
        drift.AddRow("mean", F(d.MeanPsnr, "0.00"), F(d.MeanSsim, "0.000"), F(d.MeanGmr, "0.00"), F(d.MeanGroundTruthContextPsnr, "0.00"), "",
            d.MeanGapDb is { } mg ? $"{F(mg, "+0.00;-0.00")} (max {F(d.MaxGapDb, "0.00")})" : "-");
        Consoles.Out.Write(drift);
    }

    /// <summary>", depth error (AbsRel) X at step 1, Y mean (ground-truth memory: Z)", or nothing for a model without depth.</summary>
    private static string DepthError(DriftResult d) => d.MeanDepthAbsRel is not { } mean ? "" :
        $", depth error (AbsRel) {F(d.FirstStepDepthAbsRel, "0.00")} at step 1, {F(mean, "0.00")} mean{(d.ReferenceMeanDepthAbsRel is { } r ? $" (ground-truth memory: {F(r, "0.00")})" : "")}";

    private static void PrintOutAndBack(OutAndBackResult o)
    {
        var table = new Table().Title(Markup.Escape($"out and back: {o.OutboundSteps} steps out along the drift path, the same poses back"));
        foreach (string c in new[] { "", "PSNR vs truth", "GMR" }) table.AddColumn(new TableColumn(c).RightAligned());
        table.AddRow("outbound", F(o.OutboundPsnr, "0.00"), F(o.OutboundGmr, "0.00"));
        table.AddRow("return", F(o.ReturnPsnr, "0.00"), F(o.ReturnGmr, "0.00"));
        table.AddRow("return vs outbound", F(o.ReturnVsOutboundPsnr, "0.00"), "");
        Consoles.Out.Write(table);
    }

    /// <summary>A figure in <paramref name="format"/>; "-" when it is missing or not finite.</summary>
    private static string F(double? v, string format) => v is { } x && double.IsFinite(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "-";
}
