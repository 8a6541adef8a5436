using RtfmGym.Bridge.MessagePack;
using RtfmGym.Env;

namespace RtfmGym.Bridge.Server;

/// <summary>A client's environment on the server, with its spaces encoded once and the last observation (for render).</summary>
internal sealed class EnvSlot(long id, IEnvironment env, string scenario)
{
    public long Id { get; } = id;
    public IEnvironment Env { get; } = env;
    public string Scenario { get; } = scenario;
    public object? LastObservation { get; set; }

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

    /// <summary>{observation_space, action_space} encoded once; spaces never change.</summary>
    public ReadOnlyMemory<byte> SpecMap { get; } = EncodeSpec(env);

    private static ReadOnlyMemory<byte> EncodeSpec(IEnvironment env)
    {
        var w = new MsgPackWriter();
        w.WriteMapHeader(2);
        w.WriteString("observation_space"); Protocol.WireWriter.WriteValue(w, env.ObservationSpace);
        w.WriteString("action_space"); Protocol.WireWriter.WriteValue(w, env.ActionSpace);
        return w.ToArray();
    }
}
