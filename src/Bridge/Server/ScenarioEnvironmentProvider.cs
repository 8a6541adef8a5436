using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// Real environments: shipped scenarios are the *.yaml files of one folder (named by file
/// name without extension, never by path, so clients cannot read other files); inline
/// YAML is parsed and validated like a file. Environments are made from <paramref name="components"/>
/// (default <see cref="EnvironmentComponents.BuiltIn"/>), which the server's owner builds: the CLI adds
/// the learned model's frame source there.
/// </summary>
/// <param name="scenariosDirectory">The folder of shipped scenarios, or null for none.</param>
/// <param name="components">Where the environments' frame sources, tasks and sensors come from.</param>
public sealed class ScenarioEnvironmentProvider(string? scenariosDirectory, EnvironmentComponents? components = null) : IEnvironmentProvider
{
    /// <inheritdoc />
    public IReadOnlyList<ScenarioSummary> ListScenarios()
    {
        if (scenariosDirectory is null || !Directory.Exists(scenariosDirectory)) return [];
        var list = new List<ScenarioSummary>();
        foreach (string path in Directory.EnumerateFiles(scenariosDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            string description;
            try
            {
                description = ScenarioLoader.Load(path).Description;
            }
            catch (RtfmGymException e)
            {
                description = "(invalid: " + e.Message + ")";
            }
            list.Add(new ScenarioSummary(Path.GetFileNameWithoutExtension(path), description));
        }
        return list;
    }

    /// <inheritdoc />
    public IEnvironment Make(string? name, string? yaml)
    {
        if (yaml is not null) return new RtfmEnvironment(ScenarioLoader.Parse(yaml, "scenario_yaml"), components: components);
        string[] shipped = scenariosDirectory is not null && Directory.Exists(scenariosDirectory)
            ? Directory.EnumerateFiles(scenariosDirectory, "*.yaml").Select(p => Path.GetFileNameWithoutExtension(p)).ToArray()
            : [];
        if (!shipped.Contains(name, StringComparer.Ordinal))
            throw new RtfmGymException($"no shipped scenario named '{name}'; shipped: {string.Join(", ", shipped.Order(StringComparer.Ordinal))}");
        return new RtfmEnvironment(ScenarioLoader.Load(Path.Combine(scenariosDirectory!, name + ".yaml")), components: components);
    }
}
