using RtfmGym.Env;

namespace RtfmGym.Bridge.Server;

/// <summary>Where the server gets environments from: the shipped scenarios, or test doubles.</summary>
public interface IEnvironmentProvider
{
    /// <summary>The scenarios a client may name in <c>make</c>.</summary>
    IReadOnlyList<ScenarioSummary> ListScenarios();

    /// <summary>
    /// Builds an environment from a shipped scenario <paramref name="name"/> or from inline
    /// <paramref name="yaml"/> (exactly one is non-null). Throws <see cref="RtfmGymException"/>
    /// (or <see cref="ArgumentException"/>) for an unknown name or an invalid scenario.
    /// </summary>
    IEnvironment Make(string? name, string? yaml);
}
