namespace RtfmGym.Env;

/// <summary>Thrown for a call in the wrong state: step before reset, after close, or after termination without a reset.</summary>
public sealed class EnvironmentStateException : RtfmGymException
{
    public EnvironmentStateException(string message) : base(message) { }
}
