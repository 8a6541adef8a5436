namespace RtfmGym.Env.Checking;

/// <summary>Thrown by <see cref="EnvChecker.Check"/> when an environment breaks the Gymnasium contract; lists every failed check.</summary>
public sealed class EnvCheckException : RtfmGymException
{
    public EnvCheckException(IReadOnlyList<EnvCheckFailure> failures)
        : base("The environment failed " + failures.Count + " check(s):" + string.Concat(failures.Select(f => $"{Environment.NewLine}  - {f.Check}: {f.Problem}")))
    {
        Failures = failures;
    }

    public IReadOnlyList<EnvCheckFailure> Failures { get; }
}
