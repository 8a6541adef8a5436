using System.Text.Json.Nodes;

namespace RtfmGym.Agents;

/// <summary>
/// An agent's figures over a suite (Habitat's definitions): success rate, mean SPL and soft-SPL
/// (over episodes with a goal), mean coverage (over Explore episodes), mean return, collisions and steps per episode.
/// </summary>
public sealed record EvaluationReport(string Agent, string Suite, IReadOnlyList<EpisodeResult> Episodes)
{
    /// <summary>Fraction of episodes with a goal that succeeded, in [0, 1] (0 when none has a goal).</summary>
    public double SuccessRate => Mean(e => e.Success is { } s ? (s ? 1 : 0) : null);
    /// <summary>Mean success weighted by path length over episodes with a goal (0 when none has one).</summary>
    public double Spl => Mean(e => e.Spl);
    /// <summary>Mean soft SPL (progress towards the goal weighted by path length) over episodes with a goal.</summary>
    public double SoftSpl => Mean(e => e.SoftSpl);
    /// <summary>Mean fraction of free floor seen, over Explore episodes (0 when there are none).</summary>
    public double MeanCoverage => Mean(e => e.Coverage);
    /// <summary>Mean undiscounted return per episode.</summary>
    public double MeanReturn => Episodes.Count == 0 ? 0 : Episodes.Average(e => e.Return);
    /// <summary>Mean number of steps per episode in which the agent collided.</summary>
    public double MeanCollisions => Episodes.Count == 0 ? 0 : Episodes.Average(e => (double)e.Collisions);
    /// <summary>Mean steps per episode.</summary>
    public double MeanSteps => Episodes.Count == 0 ? 0 : Episodes.Average(e => (double)e.Steps);

    /// <summary>The report as JSON: "agent", "suite", "episodes" count, the aggregate figures under "metrics", and each episode under "per_episode".</summary>
    public JsonObject ToJson()
    {
        var per = new JsonArray();
        foreach (EpisodeResult e in Episodes)
        {
            var o = new JsonObject { ["scenario"] = e.Scenario, ["seed"] = e.Seed, ["terminated"] = e.Terminated, ["truncated"] = e.Truncated };
            foreach (var (k, v) in e.ToSummary()) o[k] = v;
            per.Add(o);
        }
        return new JsonObject
        {
            ["agent"] = Agent,
            ["suite"] = Suite,
            ["episodes"] = Episodes.Count,
            ["metrics"] = new JsonObject
            {
                ["success_rate"] = SuccessRate,
                ["spl"] = Spl,
                ["soft_spl"] = SoftSpl,
                ["mean_coverage"] = MeanCoverage,
                ["mean_return"] = MeanReturn,
                ["mean_collisions"] = MeanCollisions,
                ["mean_steps"] = MeanSteps,
            },
            ["per_episode"] = per,
        };
    }

    private double Mean(Func<EpisodeResult, double?> pick)
    {
        var values = Episodes.Select(pick).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        return values.Length == 0 ? 0 : values.Average();
    }
}
