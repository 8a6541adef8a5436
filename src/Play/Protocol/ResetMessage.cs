namespace RtfmGym.Play.Protocol;

/// <summary>Start a new episode: <c>{"type":"reset","seed":3}</c>; without a seed the scenario's seed is used.</summary>
/// <param name="Seed">The episode seed (non-negative), or null for the scenario's.</param>
public sealed record ResetMessage(long? Seed) : ClientMessage;
