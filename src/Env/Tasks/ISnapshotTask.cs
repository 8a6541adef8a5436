namespace RtfmGym.Env.Tasks;

/// <summary>A task whose episode state can be captured and put back (for <see cref="RtfmEnvironment.Snapshot"/>).</summary>
internal interface ISnapshotTask
{
    /// <summary>An immutable copy of the episode state; later steps do not change it.</summary>
    object Capture();

    /// <summary>Puts back a state from <see cref="Capture"/> of the same task type; the state stays reusable.</summary>
    void Restore(object state);
}
