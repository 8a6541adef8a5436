using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Agents.Tests;

public class EvaluatorTests
{
    [Test]
    public void Evaluate_OracleOnPointNavSuite_SucceedsNearlyAlways()
    {
        Scenario suite = SuiteFixture.Suite();
        EvaluationReport r = Evaluator.Evaluate(suite, () => new OracleAgent());
        Assert.That(r.Episodes, Has.Count.EqualTo(suite.Episodes.Count));
        Assert.That(r.SuccessRate, Is.GreaterThanOrEqualTo(0.95), string.Join("\n", r.Episodes.Where(e => e.Success != true)));
        Assert.That(r.Spl, Is.GreaterThan(0.8));
        Assert.That(r.MeanCollisions, Is.LessThan(1.0));
    }

    [Test]
    public void Evaluate_RandomOnPointNavSuite_RarelySucceeds()
    {
        EvaluationReport r = Evaluator.Evaluate(SuiteFixture.Suite(), () => new RandomAgent(7));
        Assert.That(r.SuccessRate, Is.LessThanOrEqualTo(0.15));
    }

    [Test]
    public void Evaluate_SameAgentSeed_SameReport()
    {
        var a = Evaluator.Evaluate(SuiteFixture.Suite(), () => new RandomAgent(3), episodes: 3);
        var b = Evaluator.Evaluate(SuiteFixture.Suite(), () => new RandomAgent(3), episodes: 3);
        Assert.That(a.ToJson().ToJsonString(), Is.EqualTo(b.ToJson().ToJsonString()));
    }

    [Test]
    public void ToJson_Report_HasMetricsAndEpisodes()
    {
        var r = Evaluator.Evaluate(SuiteFixture.Suite(), () => new OracleAgent(), episodes: 2);
        var json = r.ToJson();
        Assert.That(json["episodes"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(json["metrics"]!["spl"], Is.Not.Null);
        Assert.That(json["per_episode"]!.AsArray(), Has.Count.EqualTo(2));
    }
}
