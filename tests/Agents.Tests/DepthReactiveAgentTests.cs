using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents.Tests;

public class DepthReactiveAgentTests
{
    private const int Side = 12;

    // A depth image whose left half is leftMetres deep and right half rightMetres.
    private static Dictionary<string, object> Observation(float leftMetres, float rightMetres, float distance, float bearing)
    {
        var depth = new float[Side * Side];
        for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++) depth[y * Side + x] = x < Side / 2 ? leftMetres : rightMetres;
        return new() { ["depth"] = NDArray.From<float>(depth, Side, Side, 1), ["goal"] = NDArray.Vector(distance, bearing) };
    }

    private static readonly Dictionary<string, object?> NoBump = new() { ["collided"] = false };

    private static DepthReactiveAgent Started()
    {
        var agent = new DepthReactiveAgent();
        agent.Reset(new AgentContext(new DiscreteSpace(8), new DiscreteSpace(2), 0), Observation(5, 5, 3, 0), NoBump);
        return agent;
    }

    [TestCase(5f, 5f, 3f, 0f, DiscreteAction.Forward, TestName = "Act_ClearAndGoalAhead_Forward")]
    [TestCase(5f, 5f, 3f, 1f, DiscreteAction.TurnLeft, TestName = "Act_GoalToTheLeft_TurnsLeft")]
    [TestCase(5f, 5f, 3f, -1f, DiscreteAction.TurnRight, TestName = "Act_GoalToTheRight_TurnsRight")]
    [TestCase(2f, 0.3f, 3f, 0f, DiscreteAction.TurnLeft, TestName = "Act_ObstacleRightAhead_TurnsToTheDeeperLeft")]
    [TestCase(0.3f, 2f, 3f, 0f, DiscreteAction.TurnRight, TestName = "Act_ObstacleLeftAhead_TurnsToTheDeeperRight")]
    [TestCase(0.3f, 0.3f, 0.1f, 0f, DiscreteAction.Stop, TestName = "Act_AtTheGoal_Stops")]
    public void Act_Situation_Action(float left, float right, float distance, float bearing, DiscreteAction expected) =>
        Assert.That(Started().Act(Observation(left, right, distance, bearing), NoBump), Is.EqualTo((long)expected));

    [Test]
    public void Act_AfterAnObstacle_KeepsItsTurnThenDetoursBeforeHeadingForTheGoal()
    {
        DepthReactiveAgent agent = Started();
        Assert.That(agent.Act(Observation(2, 0.3f, 3, 1), NoBump), Is.EqualTo((long)DiscreteAction.TurnLeft));
        Assert.That(agent.Act(Observation(0.3f, 2, 3, 1), NoBump), Is.EqualTo((long)DiscreteAction.TurnLeft), "no swinging back");
        for (int i = 0; i < DepthReactiveAgent.Detour; i++)
            Assert.That(agent.Act(Observation(5, 5, 3, 1), NoBump), Is.EqualTo((long)DiscreteAction.Forward), $"detour step {i}");
        Assert.That(agent.Act(Observation(5, 5, 3, 1), NoBump), Is.EqualTo((long)DiscreteAction.TurnLeft), "then back to the goal");
    }

    [Test]
    public void Act_Bumped_TurnsThoughTheImageLooksClear() =>
        Assert.That(Started().Act(Observation(5, 5, 3, 0), new Dictionary<string, object?> { ["collided"] = true }), Is.Not.EqualTo((long)DiscreteAction.Forward));

    [Test]
    public void Evaluate_PointNavSuiteOnGroundTruth_BeatsRandomAndDependsOnWhatItSees()
    {
        var suite = SuiteFixture.Suite();
        EvaluationReport seen = Evaluator.Evaluate(suite, () => new DepthReactiveAgent(), episodes: 8, frames: "ground-truth");
        EvaluationReport blind = Evaluator.Evaluate(suite, () => new DepthReactiveAgent(), episodes: 8, frames: "constant");
        EvaluationReport random = Evaluator.Evaluate(suite, () => new RandomAgent(7), episodes: 8);
        Assert.That(seen.SuccessRate, Is.GreaterThan(random.SuccessRate));
        Assert.That(blind.ToJson()["per_episode"]!.ToJsonString(), Is.Not.EqualTo(seen.ToJson()["per_episode"]!.ToJsonString()), "other frames, other episodes");
    }

    [Test]
    public void Reset_ContinuousActions_ThrowsAskingForDiscreteKeys()
    {
        var e = Assert.Throws<RtfmGymException>(() => new DepthReactiveAgent().Reset(new AgentContext(new BoxSpace(-1, 1, [2]), new DiscreteSpace(2), 0), Observation(5, 5, 3, 0), NoBump));
        Assert.That(e!.Message, Does.Contain("discrete"));
    }
}
