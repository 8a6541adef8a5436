using RtfmGym.Env.Spaces;

namespace RtfmGym.Env;

/// <summary>
/// A Gymnasium-style environment. <see cref="Reset"/> starts an episode and reseeds only
/// when given a seed; <see cref="Step"/> advances it. An action outside
/// <see cref="ActionSpace"/> throws <see cref="ActionOutOfSpaceException"/> and leaves the
/// episode unchanged. <see cref="Close"/> and <see cref="IDisposable.Dispose"/> may be
/// called any number of times.
/// </summary>
public interface IEnvironment : IDisposable
{
    /// <summary>The space every observation belongs to.</summary>
    Space ObservationSpace { get; }

    /// <summary>The space of valid actions.</summary>
    Space ActionSpace { get; }

    /// <summary>Starts a new episode. With a <paramref name="seed"/> (non-negative) every random stream restarts from it;
    /// without one, they continue. Options are environment-specific (see the implementation).</summary>
    /// <exception cref="ArgumentException">A negative seed, or an option the environment refuses (unknown key, wrong type,
    /// out of range); the message names it. A refused reset, for this or any other reason, leaves the environment exactly as it was.</exception>
    ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null);

    /// <summary>Applies one action and returns what followed.</summary>
    StepResult Step(object action);

    /// <summary>Releases resources; later calls other than Close/Dispose throw <see cref="EnvironmentStateException"/>.</summary>
    void Close();
}
