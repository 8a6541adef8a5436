namespace RtfmGym.Env.Checking;

/// <summary>One failed check of <see cref="EnvChecker"/>: its name and what went wrong.</summary>
public sealed record EnvCheckFailure(string Check, string Problem);
