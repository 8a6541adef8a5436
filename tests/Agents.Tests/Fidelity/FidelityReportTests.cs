using RtfmGym.Agents.Fidelity;

namespace RtfmGym.Agents.Tests.Fidelity;

public class FidelityReportTests
{
    // A report of episodes with the given successes; each success has SPL 0.5, each failure 0.
    private static EvaluationReport Report(string policy, params bool[] successes) =>
        new(policy, "suite", successes.Select((s, i) => new EpisodeResult("suite", i, 10, s ? 1 : -0.1, s, !s, 0, s, s ? 0.5 : 0, s ? 0.6 : 0.1, null)).ToArray());

    private static PolicyFidelity Policy(string name, bool[] groundTruth, bool[] learned) => new(name, Report(name, groundTruth), Report(name, learned));

    [Test]
    public void Constructor_ThreePolicies_CorrelatesSuccessAndSpl()
    {
        var report = new FidelityReport("suite",
        [
            Policy("a", [true, true, true, true], [true, true, true, false]),   // 1.00 vs 0.75
            Policy("b", [true, true, false, false], [true, false, false, false]), // 0.50 vs 0.25
            Policy("c", [false, false, false, false], [true, true, false, false]), // 0.00 vs 0.50
        ]);
        // Ranks [3, 2, 1] against [3, 1, 2]: rho = 1 - 6 * (0 + 1 + 1) / (3 * 8) = 0.5.
        Assert.That(report.SpearmanSuccess, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(report.SpearmanSpl, Is.EqualTo(0.5).Within(1e-12), "SPL is success times 0.5 here, so it ranks the same");
        Assert.That(report.PearsonSuccess, Is.EqualTo(Correlation.Pearson([1, 0.5, 0], [0.75, 0.25, 0.5])).Within(1e-12));
        Assert.That(report.PearsonSpl, Is.EqualTo(report.PearsonSuccess).Within(1e-12));
    }

    [Test]
    public void ToJson_Report_HasCorrelationsAndBothWorldsPerPolicy()
    {
        var report = new FidelityReport("suite",
        [
            Policy("a", [true, true], [true, true]),
            Policy("b", [true, false], [false, false]),
            Policy("c", [false, false], [false, false]),
        ]);
        var json = report.ToJson();
        Assert.That(json["spearman_success"]!.GetValue<double>(), Is.EqualTo(Correlation.Spearman([1, 0.5, 0], [1, 0, 0])).Within(1e-12));
        foreach (string key in new[] { "pearson_success", "spearman_spl", "pearson_spl" }) Assert.That(json[key], Is.Not.Null, key);
        var policies = json["policies"]!.AsArray();
        Assert.That(policies, Has.Count.EqualTo(3));
        Assert.That(policies[1]!["policy"]!.GetValue<string>(), Is.EqualTo("b"));
        Assert.That(policies[1]!["ground_truth"]!["success"]!.GetValue<double>(), Is.EqualTo(0.5));
        Assert.That(policies[1]!["learned"]!["spl"]!.GetValue<double>(), Is.EqualTo(0));
        Assert.That(json["episodes"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public void ToJson_EveryPolicyFailsInTheLearnedWorld_CorrelationsNull()
    {
        var report = new FidelityReport("suite",
        [
            Policy("a", [true, true], [false, false]),
            Policy("b", [true, false], [false, false]),
            Policy("c", [false, false], [false, false]),
        ]);
        Assert.That(report.SpearmanSuccess, Is.NaN);
        var json = report.ToJson();
        Assert.That(json.ContainsKey("spearman_success") && json["spearman_success"] is null, Is.True);
        Assert.That(json["pearson_spl"], Is.Null);
    }

    [Test]
    public void Constructor_TwoPolicies_ThrowsNamingTheMinimum()
    {
        var e = Assert.Throws<ArgumentException>(() => new FidelityReport("suite", [Policy("a", [true], [true]), Policy("b", [false], [false])]));
        Assert.That(e!.Message, Does.Contain("at least 3"));
    }

    [Test]
    public void Constructor_WorldsWithDifferentEpisodeCounts_ThrowsNamingThePolicy()
    {
        var e = Assert.Throws<ArgumentException>(() => new FidelityReport("suite",
            [Policy("a", [true], [true]), Policy("b", [false], [false]), Policy("odd", [true, false], [true])]));
        Assert.That(e!.Message, Does.Contain("'odd'"));
    }
}
