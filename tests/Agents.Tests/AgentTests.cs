using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Agents.Tests;

public class AgentTests
{
    private static Scenario Continuous() => SuiteFixture.Suite().ForEpisode(SuiteFixture.Suite().Episodes[0]) with
    {
        Action = new Env.Actions.ActionSettings { Kind = Env.Actions.ActionKind.Continuous },
        Task = SuiteFixture.Suite().Task with { SuccessRadius = 0.3f },
    };

    [Test]
    public void Oracle_ContinuousActions_ReachesGoal()
    {
        using var env = new RtfmEnvironment(Continuous());
        EpisodeResult r = EpisodeRunner.Run(env, new OracleAgent(), 5);
        Assert.That(r.Success, Is.True, r.ToString());
    }

    [Test]
    public void Oracle_WithoutLocalEnvironment_ExplainsWhy()
    {
        var agent = new OracleAgent();
        var ctx = new AgentContext(new Env.Spaces.DiscreteSpace(8), new Env.Spaces.DiscreteSpace(1), 0);
        var e = Assert.Throws<InvalidOperationException>(() => agent.Reset(ctx, 0L, new Dictionary<string, object?>()));
        Assert.That(e!.Message, Does.Contain("local environment"));
    }

    [Test]
    public void Waypoints_ToOracleRoute_ReachesSamePlace()
    {
        Scenario s = SuiteFixture.Suite().ForEpisode(SuiteFixture.Suite().Episodes[1]);
        using var env = new RtfmEnvironment(s);
        env.Reset(s.Seed);
        var start = new Vector2(env.Pose.Position.X, env.Pose.Position.Z);
        var goal = ((Env.Tasks.PointNavTask)env.Task).GoalPosition;
        var route = env.World.Navigation.ShortestPath(start, goal, s.AgentRadius)!.Skip(1).ToArray();
        EpisodeResult r = EpisodeRunner.Run(env, new WaypointAgent(route, goalTolerance: 0.15f), s.Seed);
        Assert.That(r.Success, Is.True, r.ToString());
    }

    [Test]
    public void Replay_RecordedActions_PlayedInOrderThenExhausted()
    {
        var agent = new ReplayAgent([1L, 5L]);
        agent.Reset(new AgentContext(new Env.Spaces.DiscreteSpace(8), new Env.Spaces.DiscreteSpace(1), 0), 0L, new Dictionary<string, object?>());
        var info = new Dictionary<string, object?>();
        Assert.That(agent.Act(0L, info), Is.EqualTo(1L));
        Assert.That(agent.Act(0L, info), Is.EqualTo(5L));
        Assert.That(agent.Exhausted, Is.True);
        Assert.Throws<InvalidOperationException>(() => agent.Act(0L, info));
    }

    [Test]
    public void Random_SameSeed_SameActions()
    {
        var a = new RandomAgent(9);
        var b = new RandomAgent(9);
        var ctx = new AgentContext(new Env.Spaces.DiscreteSpace(8), new Env.Spaces.DiscreteSpace(1), 4);
        a.Reset(ctx, 0L, new Dictionary<string, object?>());
        b.Reset(ctx, 0L, new Dictionary<string, object?>());
        for (int i = 0; i < 20; i++) Assert.That(a.Act(0L, new Dictionary<string, object?>()), Is.EqualTo(b.Act(0L, new Dictionary<string, object?>())));
    }
}
