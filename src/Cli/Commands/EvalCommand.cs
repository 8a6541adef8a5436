using System.CommandLine;
using System.Text.Json;
using RtfmGym.Agents;
using RtfmGym.Cli.Output;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym eval SUITE --agent NAME</c>: success rate, SPL, soft-SPL, return and collisions over a scenario suite.</summary>
public static class EvalCommand
{
    /// <summary>The <c>eval</c> command with its arguments and options.</summary>
    public static Command Create()
    {
        var suite = new Argument<string>("suite") { Description = "Suite or scenario file, or shipped name (e.g. pointnav-suite)." };
        var agent = new Option<string>("--agent") { Description = $"Agent: {string.Join(", ", AgentFactory.Names)}.", DefaultValueFactory = _ => "oracle" };
        var episodes = new Option<int?>("--episodes") { Description = "Run only the first N episodes. Default: all." };
        var frames = new Option<string>("--frames") { Description = "Frame source override." };
        var seed = new Option<ulong>("--agent-seed") { Description = "Seed of the random agent.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a table." };
        var cmd = new Command("eval", "Evaluate an agent on a scenario suite: success, SPL, soft-SPL, return, collisions (table or --json).") { suite, agent, episodes, frames, seed, json };
        cmd.SetAction((pr, ct) => Task.FromResult(Run(pr.GetValue(suite)!, pr.GetValue(agent)!, pr.GetValue(episodes), pr.GetValue(frames), pr.GetValue(seed), pr.GetValue(json), ct)));
        return cmd;
    }

    internal static int Run(string suiteName, string agentName, int? episodes, string? frames, ulong agentSeed, bool json, CancellationToken ct)
    {
        Scenario suite = ScenarioResolver.Load(suiteName);
        int total = episodes ?? Math.Max(1, suite.Episodes.Count);
        EvaluationReport report = AgentEvaluations.Run([new EvaluationJob($"{suite.Name} / {agentName}", suite, agentName, frames, total)], agentSeed, ModelFrames.Components(null), ct)[0];
        if (json) Console.Out.WriteLine(report.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        else ReportTable.Print(report);
        return ct.IsCancellationRequested ? 130 : 0;
    }
}
