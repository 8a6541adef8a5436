using RtfmGym.Agents.Fidelity;
using RtfmGym.Agents.Learning;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Agents.Tests.Fidelity;

/// <summary>An untrained policy saved to disk, evaluated on held-out episodes in two worlds: the pieces of <c>agent eval</c> and <c>fidelity</c> together.</summary>
public class PolicyEvaluationTests
{
    private string _dir = "";

    // A small PointNav scenario with near goals and a short limit, so an episode ends in a fraction of a second.
    private static readonly Scenario Small = new()
    {
        Name = "small",
        World = new WorldOptions { Seed = 7, Rooms = 2, MaxPropsPerRoom = 1 },
        Observations = ["rgb", "depth", "pose", "goal"],
        Task = new TaskSettings { MinGoalDistance = 1, MaxGoalDistance = 2 },
        MaxSteps = 40,
    };

    [SetUp]
    public void SaveUntrainedPolicy()
    {
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-policy-eval-{Guid.NewGuid():N}"));
        using var env = new RtfmEnvironment(Small);
        var actions = (DiscreteSpace)env.ActionSpace;
        using var learner = new PpoLearner(new PpoOptions { Seed = 4 }, PolicyInputs.For(env.ObservationSpace), (int)actions.N);
        PolicyCheckpoint.Save(_dir, learner, actions.Start, Small.Name, "ground-truth");
    }

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    private EvaluationReport Evaluate(Func<IAgent> agent, string frames) =>
        Evaluator.Evaluate(EvaluationEpisodes.Select(Small, 2), agent, frames: frames);

    [Test]
    public void Evaluate_PolicyOnHeldOutWorldsTwice_SameReport()
    {
        string a = Evaluate(() => PolicyAgent.Load(_dir), "ground-truth").ToJson().ToJsonString();
        string b = Evaluate(() => PolicyAgent.Load(_dir), "ground-truth").ToJson().ToJsonString();
        Assert.That(b, Is.EqualTo(a));
        Assert.That(a, Does.Contain("\"seed\":1000").And.Contain("\"seed\":1001"), "held-out worlds 1000 and 1001");
    }

    [Test]
    public void FidelityReport_PolicyAndScriptedAgentsInTwoWorlds_OracleScoresTheSameInBoth()
    {
        // Constant frames stand in for the learned world here (Agents does not reference the model).
        PolicyFidelity Both(string name, Func<IAgent> agent) => new(name, Evaluate(agent, "ground-truth"), Evaluate(agent, "constant"));
        var report = new FidelityReport(Small.Name,
        [
            Both("policy", () => PolicyAgent.Load(_dir)),
            Both("oracle", () => new OracleAgent()),
            Both("random", () => new RandomAgent(2)),
        ]);
        PolicyFidelity oracle = report.Policies[1];
        Assert.That(oracle.Learned.SuccessRate, Is.EqualTo(oracle.GroundTruth.SuccessRate), "the oracle moves on poses, not frames");
        Assert.That(oracle.GroundTruth.SuccessRate, Is.EqualTo(1));
        Assert.That(report.Policies.All(p => p.GroundTruth.Episodes.Count == 2 && p.Learned.Episodes.Count == 2), Is.True);
    }
}
