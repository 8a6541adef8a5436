namespace RtfmGym.Env.Vector;

/// <summary>One step of every sub-environment, index i for sub-environment i.</summary>
public sealed record VectorStepResult(
    IReadOnlyList<object> Observations,
    IReadOnlyList<double> Rewards,
    IReadOnlyList<bool> Terminated,
    IReadOnlyList<bool> Truncated,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Infos);
