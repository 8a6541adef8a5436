namespace RtfmGym.Env;

/// <summary>Thrown when a replayed episode's frame, reward or pose differs from the record at some step.</summary>
public sealed class ReplayMismatchException : RtfmGymException
{
    /// <summary>A mismatch at <paramref name="step"/>, with both values in the message.</summary>
    /// <param name="step">The first step whose output differs (0 = the reset observation).</param>
    /// <param name="what">What differed: "frame", "reward", "pose", "terminated" or "truncated".</param>
    /// <param name="expected">The recorded value, as text.</param>
    /// <param name="actual">The replayed value, as text.</param>
    public ReplayMismatchException(int step, string what, string expected, string actual)
        : base($"Replay differs at step {step}: {what} expected {expected}, got {actual}.")
    {
        Step = step;
        What = what;
    }

    /// <summary>The first step (0 = the reset observation) whose output differs.</summary>
    public int Step { get; }

    /// <summary>What differed: "frame", "reward", "pose", "terminated" or "truncated".</summary>
    public string What { get; }
}
