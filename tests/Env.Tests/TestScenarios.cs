using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Tests;

/// <summary>Scenarios and paths shared by the tests.</summary>
internal static class TestScenarios
{
    /// <summary>The repository root (found by walking up to RtfmGym.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            for (string? d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
                if (File.Exists(Path.Combine(d, "RtfmGym.sln"))) return d;
            throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ScenariosDir => Path.Combine(RepoRoot, "scenarios");

    public static IEnumerable<string> ShippedFiles() => Directory.EnumerateFiles(ScenariosDir, "*.yaml").Order();

    /// <summary>A small, fast PointNav scenario (constant frames unless asked otherwise).</summary>
    public static Scenario Small(string frames = "constant", string actionKind = "discrete", string task = "pointnav", string extra = "") =>
        ScenarioLoader.Parse($$"""
            name: small
            seed: 4
            max_steps: 60
            frames: {{frames}}
            world: { seed: 3, rooms: 3 }
            camera: { width: 32, height: 32 }
            observations: [rgb, depth, pose{{(task == "pointnav" ? ", goal" : "")}}]
            action: { kind: {{actionKind}} }
            task: { kind: {{task}} }
            {{extra}}
            """, "small.yaml");
}
