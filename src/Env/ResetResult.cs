namespace RtfmGym.Env;

/// <summary>What <see cref="IEnvironment.Reset"/> returns: the first observation and an info dictionary.</summary>
public sealed record ResetResult(object Observation, IReadOnlyDictionary<string, object?> Info);
