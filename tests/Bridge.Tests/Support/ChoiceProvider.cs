using RtfmGym.Bridge.Server;
using RtfmGym.Env;

namespace RtfmGym.Bridge.Tests.Support;

/// <summary>Makes environments by name with the given factories; inline YAML goes to the real scenario loader.</summary>
internal sealed class ChoiceProvider(IReadOnlyDictionary<string, Func<IEnvironment>> factories) : IEnvironmentProvider
{
    private readonly ScenarioEnvironmentProvider _scenarios = new(null);

    public IReadOnlyList<ScenarioSummary> ListScenarios() => factories.Keys.Select(k => new ScenarioSummary(k, "test")).ToArray();

    public IEnvironment Make(string? name, string? yaml) =>
        yaml is not null ? _scenarios.Make(null, yaml)
        : factories.TryGetValue(name!, out var make) ? make() : throw new RtfmGymException($"unknown scenario '{name}'");
}
