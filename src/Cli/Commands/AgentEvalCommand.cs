using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Agents;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym agent eval --policy DIR | --agent NAME [--suite S] [--frames F] [--checkpoint MODEL] [--episodes N] [--seed W] [--json]</c>:
/// one policy on a fixed, seeded set of episodes (a suite's own, or held-out worlds of a single scenario, see
/// <see cref="EvaluationEpisodes"/>): success rate, SPL, mean return and episode length.
/// </summary>
public static class AgentEvalCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var policy = new Option<string?>("--policy") { Description = "Folder of a policy `agent train` wrote." };
        var agent = new Option<string?>("--agent") { Description = $"Or an agent: {string.Join(", ", AgentFactory.Names)}." };
        var frames = new Option<string?>("--frames") { Description = "Frame source: model (the learned world), ground-truth, ... Default: the suite's." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Frame-model checkpoint directory for --frames model. Default: the shipped models/small." };
        var episodes = new EpisodeOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON document (success, spl, mean_return, mean_steps, the report) instead of a table." };
        var cmd = new Command("eval", "Evaluate one policy on fixed, seeded episodes (held-out worlds): success, SPL, mean return, episode length.")
        {
            policy, agent, frames, checkpoint, json,
        };
        episodes.AddTo(cmd);
        cmd.SetAction((pr, ct) =>
        {
            string agentName = Agent(pr.GetValue(policy), pr.GetValue(agent));
            return Task.FromResult(Run(agentName, episodes.Select(pr), pr.GetValue(frames), pr.GetValue(checkpoint), pr.GetValue(json), ct));
        });
        return cmd;
    }

    internal static int Run(string agentName, Scenario suite, string? frames, string? checkpoint, bool json, CancellationToken ct)
    {
        EnvironmentComponents components = ModelFrames.Components(checkpoint);
        string framesUsed = frames ?? suite.Frames;
        var job = new EvaluationJob($"{suite.Name} / {agentName} / {framesUsed}", suite, agentName, frames, suite.Episodes.Count);
        EvaluationReport report = AgentEvaluations.Run([job], 0, components, ct)[0];
        if (json)
        {
            JsonObject o = report.ToJson();
            var figures = new JsonObject
            {
                ["frames"] = framesUsed,
                ["success"] = report.SuccessRate,
                ["spl"] = report.Spl,
                ["mean_return"] = report.MeanReturn,
                ["mean_steps"] = report.MeanSteps,
            };
            foreach (var (k, v) in o) figures[k] = v?.DeepClone();
            Console.Out.WriteLine(figures.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            ReportTable.Print(report);
            Consoles.Out.MarkupLine($"[grey]{Markup.Escape($"{report.Episodes.Count} episodes of {suite.Name} on {framesUsed} frames")}[/]");
        }
        return ct.IsCancellationRequested ? 130 : 0;
    }

    /// <summary>The agent name from exactly one of --policy and --agent.</summary>
    private static string Agent(string? policy, string? agent) => (policy, agent) switch
    {
        (null, null) => throw new RtfmGymException("agent eval needs the policy to evaluate: --policy DIR (a folder `agent train` wrote) or --agent NAME."),
        ({ }, { }) => throw new RtfmGymException("agent eval evaluates one policy: give --policy DIR or --agent NAME, not both."),
        ({ } dir, null) => AgentFactory.PolicyOrAgent(AgentFactory.PolicyPrefix + dir),
        (null, { } name) => AgentFactory.IsPolicy(name) ? AgentFactory.PolicyOrAgent(name) : name,
    };
}
