using RtfmGym.Env.Scenarios;

namespace RtfmGym.Agents.Tests;

/// <summary>The shipped PointNav suite, with constant frames: the agents under test read poses, not pixels, so rendering would only cost time.</summary>
internal static class SuiteFixture
{
    public static Scenario Suite()
    {
        for (string? d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
        {
            string p = Path.Combine(d, "scenarios", "pointnav-suite.yaml");
            if (File.Exists(p)) return ScenarioLoader.Load(p) with { Frames = "constant" };
        }
        throw new InvalidOperationException("scenarios/pointnav-suite.yaml not found");
    }
}
