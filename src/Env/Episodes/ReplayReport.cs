namespace RtfmGym.Env.Episodes;

/// <summary>The outcome of a replay that matched its record: steps checked and the summed reward.</summary>
public sealed record ReplayReport(int Steps, double Return, string FrameSource);
