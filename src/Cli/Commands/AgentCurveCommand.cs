using System.CommandLine;
using System.Globalization;
using RtfmGym.Agents;
using RtfmGym.Agents.Learning;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym agent curve --runs DIR... [--suite S] [--episodes N] [--frames F] [--checkpoint MODEL] [--every K] [--out DIR]</c>:
/// the learning curve that matters, success and SPL on held-out episodes, of each training run's stages
/// (<c>DIR/stages/step-N</c>, which <c>agent train</c> keeps at every checkpoint), as held-out-curve.csv and held-out-curve.png.
/// The training curve (curve.png) shows success in the worlds trained in, with the policy still exploring; this one shows
/// what a user would measure.
/// </summary>
public static class AgentCurveCommand
{
    /// <summary>Stages evaluated per run when --every is left out (evenly spaced, the last always included).</summary>
    public const int DefaultStagesPerRun = 8;

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var runs = new Option<string[]>("--runs") { Description = "Folders `agent train` wrote (each with its stages/).", Required = true, AllowMultipleArgumentsPerToken = true };
        var frames = new Option<string>("--frames") { Description = "Frame source of the evaluation: ground-truth (default) or model.", DefaultValueFactory = _ => "ground-truth" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Frame-model checkpoint directory for --frames model. Default: the shipped models/small." };
        var every = new Option<int?>("--every") { Description = $"Evaluate every K-th stage (the last always). Default: about {DefaultStagesPerRun} per run." };
        var outDir = new Option<string?>("--out") { Description = $"Folder for {HeldOutCurveFiles.CsvFile} and {HeldOutCurveFiles.PngFile}. Default: the first run's folder." };
        var episodes = new EpisodeOptions(FidelityCommand.DefaultScenario, FidelityCommand.DefaultEpisodes);
        var cmd = new Command("curve", "Success and SPL on held-out episodes of every stage of training runs: the learning curve a user would measure.")
        {
            runs, frames, checkpoint, every, outDir,
        };
        episodes.AddTo(cmd);
        cmd.SetAction((pr, ct) => Task.FromResult(Run(pr.GetValue(runs) ?? [], () => episodes.Select(pr), pr.GetValue(frames)!, pr.GetValue(checkpoint),
            pr.GetValue(every), pr.GetValue(outDir), ct)));
        return cmd;
    }

    internal static int Run(IReadOnlyList<string> runs, Func<Scenario> episodes, string frames, string? checkpoint, int? every, string? outDir, CancellationToken ct)
    {
        if (runs.Count == 0) throw new RtfmGymException("--runs names no training run; give the folders `agent train --out` wrote.");
        if (every is < 1) throw new RtfmGymException($"--every must be at least 1, not {every}.");
        var stages = runs.Select(r => (Run: r, Stages: Pick(Stages(r), every))).ToArray();
        Scenario suite = episodes();
        var jobs = stages.SelectMany(s => s.Stages.Select(st =>
            new EvaluationJob($"{s.Run} @ {st.Steps:N0}", suite, AgentFactory.PolicyPrefix + st.Folder, frames, suite.Episodes.Count))).ToList();
        IReadOnlyList<EvaluationReport> reports = AgentEvaluations.Run(jobs, 0, ModelFrames.Components(checkpoint), ct);
        if (ct.IsCancellationRequested) return 130;
        var points = new List<HeldOutCurveFiles.Point>();
        foreach (var (run, picked) in stages)
        {
            foreach (var (steps, _) in picked)
            {
                EvaluationReport report = reports[points.Count];
                points.Add(new HeldOutCurveFiles.Point(run, steps, report.SuccessRate, report.Spl, report.MeanSteps));
                Consoles.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{run} @ {steps,9:N0} steps: success {report.SuccessRate:F3}, SPL {report.Spl:F3}")));
            }
        }
        string dir = outDir ?? runs[0];
        HeldOutCurveFiles.Write(dir, points, $"success on {suite.Episodes.Count} held-out episodes of {suite.Name} ({frames} frames)");
        Consoles.Out.MarkupLine($"[grey]{Markup.Escape($"wrote {Path.Combine(dir, HeldOutCurveFiles.CsvFile)} and {HeldOutCurveFiles.PngFile}")}[/]");
        return 0;
    }

    /// <summary>The stages of a run, by steps trained.</summary>
    private static IReadOnlyList<(long Steps, string Folder)> Stages(string run)
    {
        string dir = Path.Combine(run, PolicyCheckpoint.StagesDir);
        if (!Directory.Exists(dir))
            throw new RtfmGymException($"'{run}' has no {PolicyCheckpoint.StagesDir}/ folder; name a folder `rtfmgym agent train --out` wrote.");
        var stages = Directory.GetDirectories(dir).Select(f => (PolicyCheckpoint.Read(f).Steps, Folder: f)).OrderBy(s => s.Steps).ToArray();
        return stages.Length > 0 ? stages : throw new RtfmGymException($"'{dir}' holds no stage yet; train past the first checkpoint.");
    }

    /// <summary>Every <paramref name="every"/>-th stage, or about <see cref="DefaultStagesPerRun"/> evenly spaced; the last is always in.</summary>
    private static IReadOnlyList<(long Steps, string Folder)> Pick(IReadOnlyList<(long Steps, string Folder)> stages, int? every)
    {
        int step = every ?? Math.Max(1, (int)Math.Ceiling(stages.Count / (double)DefaultStagesPerRun));
        var picked = new List<(long, string)>();
        for (int i = stages.Count - 1; i >= 0; i -= step) picked.Add(stages[i]);
        picked.Reverse();
        return picked;
    }
}
