using RtfmGym.Env.Episodes;

namespace RtfmGym.Agents;

/// <summary>
/// One finished episode's figures. <see cref="Success"/>, <see cref="Spl"/> and <see cref="SoftSpl"/>
/// are null for tasks without a goal; <see cref="Coverage"/> is null for tasks other than Explore.
/// </summary>
public sealed record EpisodeResult(
    string Scenario, long Seed, int Steps, double Return, bool Terminated, bool Truncated, int Collisions,
    bool? Success, double? Spl, double? SoftSpl, double? Coverage)
{
    /// <summary>The figures as a name-to-number map (for records and JSON).</summary>
    public IReadOnlyDictionary<string, double> ToSummary() => EpisodeSummary.Of(Steps, Return, Collisions, Success, Spl, SoftSpl, Coverage);
}
