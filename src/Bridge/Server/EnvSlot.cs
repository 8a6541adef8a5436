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
