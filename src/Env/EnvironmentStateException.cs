namespace RtfmGym.Env;

/// <summary>Thrown for a call in the wrong state: step before reset, after close, or after termination without a reset.</summary>
public sealed class EnvironmentStateException : RtfmGymException
{
    /// <summary>An error saying which call was made in which state.</summary>
    /// <param name="message">The call, the state, and what to call first.</param>
    public EnvironmentStateException(string message) : base(message) { }
}
