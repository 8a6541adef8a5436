using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Cli;

/// <summary>Finds scenarios by path or by shipped name (a file in the repository's scenarios/ folder).</summary>
public static class ScenarioResolver
{
    /// <summary>The default scenario of <c>rtfmgym run</c>.</summary>
    public const string DefaultScenario = "pointnav-apartment";

    /// <summary>The shipped scenarios folder: $RTFMGYM_HOME/scenarios, else the first scenarios/ found walking up from the program.</summary>
    public static string? ScenariosDirectory()
    {
        string? home = Environment.GetEnvironmentVariable("RTFMGYM_HOME");
        if (home is not null && Directory.Exists(Path.Combine(home, "scenarios"))) return Path.Combine(home, "scenarios");
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "scenarios");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any()) return candidate;
        }
        return null;
    }

    /// <summary>Shipped scenario names (file names without .yaml), sorted.</summary>
    public static IReadOnlyList<string> ShippedNames() =>
        ScenariosDirectory() is { } dir ? Directory.EnumerateFiles(dir, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToArray() : [];

    /// <summary>Loads a scenario given as a path or a shipped name.</summary>
    public static Scenario Load(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return ScenarioLoader.Load(nameOrPath);
        if (ScenariosDirectory() is { } dir)
        {
            string path = Path.Combine(dir, nameOrPath.EndsWith(".yaml", StringComparison.Ordinal) ? nameOrPath : nameOrPath + ".yaml");
            if (File.Exists(path)) return ScenarioLoader.Load(path);
        }
        throw new RtfmGymException($"No scenario file or shipped scenario named '{nameOrPath}'. Shipped: {string.Join(", ", ShippedNames())}.");
    }
}
