namespace RtfmGym.Env;

/// <summary>
/// What <see cref="IEnvironment.Step"/> returns. <paramref name="Terminated"/>: the task
/// ended by its own rules (success, failure); <paramref name="Truncated"/>: cut off from
/// outside (the time limit). They stay apart because bootstrapping a value needs the difference.
/// </summary>
public sealed record StepResult(object Observation, double Reward, bool Terminated, bool Truncated, IReadOnlyDictionary<string, object?> Info)
{
    /// <summary>True when the episode is over for either reason.</summary>
    public bool Done => Terminated || Truncated;
}
