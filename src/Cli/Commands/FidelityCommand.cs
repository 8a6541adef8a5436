using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Agents;
using RtfmGym.Agents.Fidelity;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym fidelity --policies DIR... [--suite S] [--checkpoint MODEL] [--episodes N] [--seed W] [--json] [--out DIR]</c>:
/// evaluates each policy on the same episodes in the ground-truth world and in the learned world (the frame
/// model's frames; motion, collisions and success always come from the world), and reports how well the learned
/// world ranks the policies: Spearman and Pearson correlations of success and of SPL, and a scatter plot.
/// </summary>
public static class FidelityCommand
{
    /// <summary>The JSON report's file name in --out.</summary>
    public const string JsonFile = "fidelity.json";

    /// <summary>The success scatter plot's file name in --out.</summary>
    public const string SuccessPlotFile = "fidelity-success.png";

    /// <summary>The SPL scatter plot's file name in --out.</summary>
    public const string SplPlotFile = "fidelity-spl.png";

    /// <summary>The scenario whose held-out worlds the shipped ranking report used, the default of <c>--suite</c>.</summary>
    public const string DefaultScenario = "pointnav-train";

    /// <summary>Held-out episodes of the shipped ranking report, the default of <c>--episodes</c>.</summary>
    public const int DefaultEpisodes = 48;

    /// <summary>The frame source of the ground-truth world.</summary>
    private const string GroundTruthFrames = "ground-truth";

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var policies = new Option<string[]>("--policies")
        {
            Description = $"At least {FidelityReport.MinPolicies} policy folders (`agent train` wrote them) or agent names ({string.Join(", ", AgentFactory.BuiltInNames)}).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Frame-model checkpoint of the learned world. Default: the shipped models/small." };
        var episodes = new EpisodeOptions(DefaultScenario, DefaultEpisodes);
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of a table." };
        var outDir = new Option<string?>("--out") { Description = $"Folder for {JsonFile}, {SuccessPlotFile} and {SplPlotFile}." };
        var cmd = new Command("fidelity", "Does the learned world rank policies as the ground truth does? Success and SPL of each policy in both worlds, their Spearman and Pearson correlations, a scatter plot.")
        {
            policies, checkpoint, json, outDir,
        };
        episodes.AddTo(cmd);
        cmd.SetAction((pr, ct) => Task.FromResult(Run(pr.GetValue(policies) ?? [], () => episodes.Select(pr), pr.GetValue(checkpoint), pr.GetValue(json), pr.GetValue(outDir), ct)));
        return cmd;
    }

    internal static int Run(IReadOnlyList<string> policies, Func<Scenario> episodes, string? checkpoint, bool json, string? outDir, CancellationToken ct)
    {
        if (policies.Count < FidelityReport.MinPolicies)
            throw new RtfmGymException($"fidelity correlates the rankings of at least {FidelityReport.MinPolicies} policies; --policies named {policies.Count}. Add policy folders or agents.");
        if (policies.GroupBy(p => p, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new RtfmGymException($"--policies names '{twice.Key}' twice; name each policy once.");
        string[] agents = policies.Select(AgentFactory.PolicyOrAgent).ToArray();
        Scenario suite = episodes();
        EnvironmentComponents components = ModelFrames.Components(checkpoint);
        var jobs = new List<EvaluationJob>();
        for (int i = 0; i < agents.Length; i++)
        {
            jobs.Add(new EvaluationJob($"{policies[i]} / ground truth", suite, agents[i], GroundTruthFrames, suite.Episodes.Count));
            jobs.Add(new EvaluationJob($"{policies[i]} / learned", suite, agents[i], ModelFrames.SourceName, suite.Episodes.Count));
        }
        IReadOnlyList<EvaluationReport> reports = AgentEvaluations.Run(jobs, 0, components, ct);
        if (ct.IsCancellationRequested) return 130;
        var report = new FidelityReport(suite.Name, policies.Select((p, i) => new PolicyFidelity(p, reports[2 * i], reports[2 * i + 1])).ToArray());
        JsonObject document = report.ToJson();
        // The path as given (a report regenerated in another clone stays the same) and the digest that pins the weights.
        document["checkpoint"] = checkpoint ?? ModelFrames.ShippedCheckpoint;
        document["checkpoint_digest"] = ModelFrames.CheckpointDigest(checkpoint ?? ModelFrames.DefaultCheckpoint());
        if (outDir is not null) Write(report, document, outDir);
        if (json) Console.Out.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        else Print(report, outDir);
        return 0;
    }

    private static void Write(FidelityReport report, JsonObject document, string outDir)
    {
        Directory.CreateDirectory(outDir);
        Env.IO.AtomicFile.WriteAllText(Path.Combine(outDir, JsonFile), document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        FidelityScatterPicture.Write(report, r => r.SuccessRate, "success", report.SpearmanSuccess, Path.Combine(outDir, SuccessPlotFile));
        FidelityScatterPicture.Write(report, r => r.Spl, "SPL", report.SpearmanSpl, Path.Combine(outDir, SplPlotFile));
    }

    private static void Print(FidelityReport report, string? outDir)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(report.Suite)}[/]: {report.Policies[0].GroundTruth.Episodes.Count} episodes per policy and world");
        foreach (string c in new[] { "policy", "success (ground truth)", "success (learned)", "SPL (ground truth)", "SPL (learned)" }) table.AddColumn(c);
        foreach (PolicyFidelity p in report.Policies)
            table.AddRow(Markup.Escape(p.Policy), F(p.GroundTruth.SuccessRate), F(p.Learned.SuccessRate), F(p.GroundTruth.Spl), F(p.Learned.Spl));
        Consoles.Out.Write(table);
        Consoles.Out.MarkupLine($"success: Spearman [bold]{F(report.SpearmanSuccess)}[/], Pearson {F(report.PearsonSuccess)}; SPL: Spearman [bold]{F(report.SpearmanSpl)}[/], Pearson {F(report.PearsonSpl)}");
        if (double.IsNaN(report.SpearmanSuccess) || double.IsNaN(report.SpearmanSpl))
            Consoles.Out.MarkupLine("[grey]n/a: in one world every policy scored the same, so there is no ranking to compare; add policies that differ.[/]");
        if (outDir is not null) Consoles.Out.MarkupLine($"wrote {Markup.Escape(Path.Combine(outDir, JsonFile))}, {Markup.Escape(SuccessPlotFile)} and {Markup.Escape(SplPlotFile)}");
    }

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);
}
