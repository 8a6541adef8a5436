namespace RtfmGym.Env;

/// <summary>An environment whose whole state can be captured and put back (for search, the bridge's snapshot op, what-if rollouts).</summary>
public interface ISnapshotEnvironment : IEnvironment
{
    /// <summary>Steps taken in the current episode.</summary>
    int StepCount { get; }

    /// <summary>Captures the whole state; restoring it and taking the same actions gives bit-identical results.</summary>
    EnvironmentSnapshot Snapshot();

    /// <summary>Puts back a state from <see cref="Snapshot"/>.</summary>
    /// <exception cref="RtfmGymException">The snapshot belongs to an environment this one cannot stand in for (another scenario, memory settings).</exception>
    void Restore(EnvironmentSnapshot snapshot);
}
