using RtfmGym.Env.Scenarios;

namespace RtfmGym.Play.Tests;

/// <summary>Small scenarios for tests that run in seconds: ground-truth frames at 32x32 in a three-room world.</summary>
internal static class TestScenarios
{
    /// <summary>A 32x32 PointNav scenario with discrete actions (or <paramref name="action"/>), drawn by <paramref name="frames"/>.</summary>
    public static Scenario Small(string frames = "ground-truth", string action = "discrete", int maxSteps = 200) => ScenarioLoader.Parse($$"""
        name: play-test
        seed: 4
        max_steps: {{maxSteps}}
        frames: {{frames}}
        world: { seed: 3, rooms: 3 }
        camera: { width: 32, height: 32 }
        action: { kind: {{action}} }
        task: { kind: pointnav }
        """, "play-test.yaml");
}
