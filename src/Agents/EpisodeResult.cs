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
    public IReadOnlyDictionary<string, double> ToSummary()
    {
        var d = new Dictionary<string, double> { ["steps"] = Steps, ["return"] = Return, ["collisions"] = Collisions };
        if (Success is { } s) d["success"] = s ? 1 : 0;
        if (Spl is { } spl) d["spl"] = spl;
        if (SoftSpl is { } soft) d["soft_spl"] = soft;
        if (Coverage is { } cov) d["coverage"] = cov;
        return d;
    }
}
