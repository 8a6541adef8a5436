using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Agents.Tests;

public class FrontierExplorationAgentTests
{
    private static Scenario Explore(string actionKind) => ScenarioLoader.Parse($$"""
        name: explore-small
        seed: 2
        max_steps: 250
        frames: constant
        world: { seed: 21, rooms: 3, max_room_size: 6 }
        camera: { width: 32, height: 32 }
        observations: [rgb, pose]
        action: { kind: {{actionKind}} }
        task: { kind: explore, view_range: 4 }
        """, "explore-small.yaml");

    [TestCase("discrete")]
    [TestCase("continuous")]
    public void Run_SmallHouse_SeesNearlyAllFloorAndFarMoreThanRandom(string actionKind)
    {
        Scenario scenario = Explore(actionKind);
        EpisodeResult frontier, random;
        using (var env = new RtfmEnvironment(scenario)) frontier = EpisodeRunner.Run(env, new FrontierExplorationAgent(), 2);
        using (var env = new RtfmEnvironment(scenario)) random = EpisodeRunner.Run(env, new RandomAgent(2), 2);
        Assert.That(frontier.Coverage, Is.GreaterThanOrEqualTo(0.95), $"random saw {random.Coverage:0.000}");
        Assert.That(frontier.Coverage, Is.GreaterThan(random.Coverage!.Value + 0.3));
    }

    [Test]
    public void Reset_PointNavScenario_RefusedNamingTask()
    {
        Scenario pointNav = SuiteFixture.Suite().ForEpisode(SuiteFixture.Suite().Episodes[0]);
        using var env = new RtfmEnvironment(pointNav);
        var e = Assert.Throws<InvalidOperationException>(() => EpisodeRunner.Run(env, new FrontierExplorationAgent(), 1));
        Assert.That(e!.Message, Does.Contain("PointNav"));
    }
}
