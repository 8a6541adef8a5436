using System.Text.Json.Nodes;

namespace RtfmGym.Agents.Fidelity;

/// <summary>
/// How well the learned world ranks policies the way the ground-truth world does: each policy's success rate and
/// SPL in both worlds (same episodes), and the Spearman and Pearson correlations of those figures across the
/// policies. A correlation is NaN (null in JSON) where one world gives every policy the same figure.
/// </summary>
public sealed record FidelityReport
{
    /// <summary>The fewest policies a ranking correlation is reported for.</summary>
    public const int MinPolicies = 3;

    /// <summary>A report over <paramref name="policies"/>, evaluated on <paramref name="suite"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinPolicies"/> policies, or a policy's two evaluations cover different numbers of episodes.</exception>
    public FidelityReport(string suite, IReadOnlyList<PolicyFidelity> policies)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(policies);
        if (policies.Count < MinPolicies)
            throw new ArgumentException($"A ranking needs at least {MinPolicies} policies, not {policies.Count}.", nameof(policies));
        if (policies.FirstOrDefault(p => p.GroundTruth.Episodes.Count != p.Learned.Episodes.Count) is { } odd)
            throw new ArgumentException($"Policy '{odd.Policy}' was evaluated on {odd.GroundTruth.Episodes.Count} episodes in the ground truth and {odd.Learned.Episodes.Count} in the learned world; both worlds need the same episodes.", nameof(policies));
        Suite = suite;
        Policies = policies.ToArray();
        double[] gtSuccess = Pick(r => r.SuccessRate, p => p.GroundTruth), learnedSuccess = Pick(r => r.SuccessRate, p => p.Learned);
        double[] gtSpl = Pick(r => r.Spl, p => p.GroundTruth), learnedSpl = Pick(r => r.Spl, p => p.Learned);
        (SpearmanSuccess, PearsonSuccess) = (Correlation.Spearman(gtSuccess, learnedSuccess), Correlation.Pearson(gtSuccess, learnedSuccess));
        (SpearmanSpl, PearsonSpl) = (Correlation.Spearman(gtSpl, learnedSpl), Correlation.Pearson(gtSpl, learnedSpl));
    }

    /// <summary>The suite (or scenario) the policies were evaluated on.</summary>
    public string Suite { get; }

    /// <summary>Each policy's figures in both worlds, in the order given.</summary>
    public IReadOnlyList<PolicyFidelity> Policies { get; }

    /// <summary>Spearman's ρ of success rates, ground truth against learned world (NaN where undefined).</summary>
    public double SpearmanSuccess { get; }

    /// <summary>Pearson's r of success rates, ground truth against learned world (NaN where undefined).</summary>
    public double PearsonSuccess { get; }

    /// <summary>Spearman's ρ of SPL, ground truth against learned world (NaN where undefined).</summary>
    public double SpearmanSpl { get; }

    /// <summary>Pearson's r of SPL, ground truth against learned world (NaN where undefined).</summary>
    public double PearsonSpl { get; }

    /// <summary>
    /// The report as JSON: "suite", "episodes" (per policy and world), the four correlations
    /// ("spearman_success", "pearson_success", "spearman_spl", "pearson_spl"; null where undefined), and
    /// "policies": each with "policy", "ground_truth" and "learned" figures (success, spl, soft_spl, mean_return, mean_steps, mean_collisions).
    /// </summary>
    public JsonObject ToJson()
    {
        var policies = new JsonArray();
        foreach (PolicyFidelity p in Policies)
            policies.Add(new JsonObject { ["policy"] = p.Policy, ["ground_truth"] = Figures(p.GroundTruth), ["learned"] = Figures(p.Learned) });
        return new JsonObject
        {
            ["suite"] = Suite,
            ["episodes"] = Policies[0].GroundTruth.Episodes.Count,
            ["spearman_success"] = Number(SpearmanSuccess),
            ["pearson_success"] = Number(PearsonSuccess),
            ["spearman_spl"] = Number(SpearmanSpl),
            ["pearson_spl"] = Number(PearsonSpl),
            ["policies"] = policies,
        };
    }

    private static JsonObject Figures(EvaluationReport r) => new()
    {
        ["success"] = r.SuccessRate,
        ["spl"] = r.Spl,
        ["soft_spl"] = r.SoftSpl,
        ["mean_return"] = r.MeanReturn,
        ["mean_steps"] = r.MeanSteps,
        ["mean_collisions"] = r.MeanCollisions,
    };

    private static JsonNode? Number(double v) => double.IsNaN(v) ? null : JsonValue.Create(v);

    private double[] Pick(Func<EvaluationReport, double> figure, Func<PolicyFidelity, EvaluationReport> world) =>
        Policies.Select(p => figure(world(p))).ToArray();
}
