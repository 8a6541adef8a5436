namespace RtfmGym.Evaluation;

/// <summary>Where an evaluation ran, written into its report so that figures are compared only across like machines.</summary>
/// <param name="Machine">CPU model, core count and runtime, in words.</param>
/// <param name="Commit">The git commit of the code, or "unknown".</param>
public sealed record RunProvenance(string Machine, string Commit);
