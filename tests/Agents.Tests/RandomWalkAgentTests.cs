using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents.Tests;

public class RandomWalkAgentTests
{
    private static readonly Space Observation = new DiscreteSpace(1);

    private static RandomWalkAgent Walker(Space actions)
    {
        var agent = new RandomWalkAgent(Rng.Derive(11, "memory-eval walk"));
        agent.Reset(new AgentContext(actions, Observation, 11), 0L, new Dictionary<string, object?>());
        return agent;
    }

    private static Dictionary<string, object?> Info(bool collided) => new() { [InfoKeys.Collided.Name] = collided };

    [Test]
    public void Act_Discrete_KeepsTheSequenceMemoryEvalFiguresWereMadeWith()
    {
        // The walk of the cost experiment: the same generator and bumps must give these keys (1 forward, 5 left, 6 right).
        RandomWalkAgent agent = Walker(ActionModel.Create(new ActionSettings()).Space);
        var bumps = new Rng(5);
        bool collided = false;
        var keys = new List<long>();
        for (int i = 0; i < 24; i++)
        {
            keys.Add((long)agent.Act(0L, Info(collided)));
            collided = bumps.Chance(0.2);
        }
        Assert.That(keys, Is.EqualTo(new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 6 }));
    }

    [Test]
    public void Act_BumpWhileGoingForward_TurnsNext()
    {
        RandomWalkAgent agent = Walker(ActionModel.Create(new ActionSettings()).Space);
        Assert.That(agent.Act(0L, Info(false)), Is.EqualTo((long)DiscreteAction.Forward));
        Assert.That(agent.Act(0L, Info(true)), Is.AnyOf((long)DiscreteAction.TurnLeft, (long)DiscreteAction.TurnRight));
    }

    [TestCase(ActionKind.Continuous)]
    [TestCase(ActionKind.Free6Dof)]
    public void Act_BoxActions_SamplesTheActionSpace(ActionKind kind)
    {
        Space space = ActionModel.Create(new ActionSettings { Kind = kind }).Space;
        RandomWalkAgent agent = Walker(space);
        for (int i = 0; i < 20; i++) Assert.That(space.Contains(agent.Act(0L, Info(i % 3 == 0))), Is.True);
    }

    [Test]
    public void Act_BeforeReset_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new RandomWalkAgent(new Rng(1)).Act(0L, Info(false)));

    [Test]
    public void EpisodeRunner_RunsTheWalkToTheTimeLimitWithoutStopping()
    {
        using var env = new RtfmEnvironment(new Env.Scenarios.Scenario { Name = "walk", Frames = "constant", MaxSteps = 30, Task = new() { Kind = Env.Scenarios.TaskKind.Free } });
        EpisodeResult r = EpisodeRunner.Run(env, new RandomWalkAgent(new Rng(3)), 3);
        Assert.That((r.Steps, r.Truncated), Is.EqualTo((30, true)));
    }
}
