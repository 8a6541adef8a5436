namespace RtfmGym.Env.Checking;

/// <summary>Thrown by <see cref="EnvChecker.Check"/> when an environment breaks the Gymnasium contract; lists every failed check.</summary>
public sealed class EnvCheckException : RtfmGymException
{
    /// <summary>A failure listing every one of <paramref name="failures"/> in the message.</summary>
    /// <param name="failures">The failed checks, each with its name and the problem found.</param>
    public EnvCheckException(IReadOnlyList<EnvCheckFailure> failures)
        : base("The environment failed " + failures.Count + " check(s):" + string.Concat(failures.Select(f => $"{Environment.NewLine}  - {f.Check}: {f.Problem}")))
    {
        Failures = failures;
    }

    /// <summary>Every failed check, each with its name and the problem found.</summary>
    public IReadOnlyList<EnvCheckFailure> Failures { get; }
}
