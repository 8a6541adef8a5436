using RtfmGym.Bridge.Server;
using RtfmGym.Env;

namespace RtfmGym.Bridge.Tests.Support;

/// <summary>Makes <see cref="FakeEnvironment"/>s: scenario "fake"; inline YAML "episode_length: N".</summary>
internal sealed class FakeProvider : IEnvironmentProvider
{
    public SemaphoreSlim? Gate { get; init; }

    /// <summary>Passed to every environment made: called at the start of each step, before the gate.</summary>
    public Action? OnStep { get; init; }

    public IReadOnlyList<ScenarioSummary> ListScenarios() => [new("fake", "deterministic 64x64 test environment")];

    public IEnvironment Make(string? name, string? yaml)
    {
        if (name is not null)
        {
            return name == "fake" ? new FakeEnvironment { Gate = Gate, OnStep = OnStep } : throw new RtfmGymException($"unknown scenario '{name}'");
        }
        string[] parts = yaml!.Split(':', 2);
        if (parts.Length == 2 && parts[0].Trim() == "episode_length" && int.TryParse(parts[1], out int n) && n > 0)
            return new FakeEnvironment(n) { Gate = Gate, OnStep = OnStep };
        throw new ArgumentException("inline scenario: expected 'episode_length: N'");
    }
}
