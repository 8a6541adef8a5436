using RtfmGym.Bridge.MessagePack;
using RtfmGym.Env;
using RtfmGym.Env.Vector;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// A client's environment on the server: the environment behind its <see cref="Autoreset"/> (every step
/// and reset goes through it), its spec encoded once, the last observation (for render) and its snapshots.
/// </summary>
internal sealed class EnvSlot(long id, IEnvironment env, string scenario, AutoresetMode autoresetMode)
{
    public long Id { get; } = id;
    public IEnvironment Env { get; } = env;
    public string Scenario { get; } = scenario;
    public object? LastObservation { get; set; }

    /// <summary>Steps and resets <see cref="Env"/>; its mode is the one <c>step_batch</c> with <c>autoreset</c> follows.</summary>
    public Autoreset Autoreset { get; } = new(env, autoresetMode);

    /// <summary>Snapshots kept per environment; taking one more drops the oldest.</summary>
    public const int MaxSnapshots = 64;

    private readonly LinkedList<(long Id, EnvironmentSnapshot Snapshot)> _snapshots = new();
    private long _nextSnapshot;

    /// <summary>Snapshots held now.</summary>
    public int SnapshotCount => _snapshots.Count;

    /// <summary>Keeps <paramref name="snapshot"/> and returns its id (1, 2, ... per environment).</summary>
    public long AddSnapshot(EnvironmentSnapshot snapshot)
    {
        _snapshots.AddLast((++_nextSnapshot, snapshot));
        while (_snapshots.Count > MaxSnapshots) _snapshots.RemoveFirst();
        return _nextSnapshot;
    }

    /// <summary>The snapshot with <paramref name="id"/>, or null when unknown or dropped.</summary>
    public EnvironmentSnapshot? TryGetSnapshot(long id) => _snapshots.FirstOrDefault(s => s.Id == id).Snapshot;

    /// <summary>Entries of <see cref="SpecMap"/>.</summary>
    public const int SpecEntries = 4;

    /// <summary>{observation_space, action_space, max_steps, autoreset_mode} encoded once; none of them ever changes.</summary>
    public ReadOnlyMemory<byte> SpecMap { get; } = EncodeSpec(env, autoresetMode);

    private static ReadOnlyMemory<byte> EncodeSpec(IEnvironment env, AutoresetMode autoresetMode)
    {
        var w = new MsgPackWriter();
        w.WriteMapHeader(SpecEntries);
        w.WriteString("observation_space"); Protocol.WireWriter.WriteValue(w, env.ObservationSpace);
        w.WriteString("action_space"); Protocol.WireWriter.WriteValue(w, env.ActionSpace);
        // Only RtfmGym's own environments know their step limit; nil says "unknown".
        w.WriteString("max_steps"); w.Write(env is IWorldEnvironment local ? local.Scenario.MaxSteps : null);
        w.WriteString("autoreset_mode"); w.WriteString(autoresetMode.ToString());
        return w.ToArray();
    }
}
