namespace RtfmGym.Bridge.Server;

/// <summary>One line of <c>list_scenarios</c>: a scenario's name and a one-line description.</summary>
public sealed record ScenarioSummary(string Name, string Description);
