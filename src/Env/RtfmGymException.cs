namespace RtfmGym.Env;

/// <summary>
/// The base of every error RtfmGym raises on purpose. Subclasses, one line each on when:
/// <list type="bullet">
/// <item><see cref="ActionOutOfSpaceException"/>: an action (or other value) is not in its space; the episode is unchanged.</item>
/// <item><see cref="ScenarioException"/>: a scenario file or record is malformed or impossible; names file, line and field.</item>
/// <item><see cref="EnvironmentStateException"/>: a call in the wrong state (step before reset, after close, after the episode ended).</item>
/// <item><see cref="ReplayMismatchException"/>: a replayed episode differs from its record; names the step.</item>
/// </list>
/// </summary>
public class RtfmGymException : Exception
{
    /// <summary>An error with <paramref name="message"/>.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public RtfmGymException(string message) : base(message) { }
    /// <summary>An error with <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="inner">The underlying error.</param>
    public RtfmGymException(string message, Exception inner) : base(message, inner) { }
}
