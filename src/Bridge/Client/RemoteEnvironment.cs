using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Env;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Client;

/// <summary>
/// An <see cref="IEnvironment"/> that lives in a bridge server: agents use it as a local
/// one. Observations arrive as the same values (dictionaries of <see cref="NDArray"/>);
/// invalid actions, refused reset options and wrong-state calls raise the same exception types
/// as in-process (<see cref="ActionOutOfSpaceException"/>, <see cref="ArgumentException"/>,
/// <see cref="EnvironmentStateException"/>).
/// </summary>
public sealed class RemoteEnvironment : IEnvironment
{
    private readonly BridgeClient _client;
    private readonly bool _ownsClient;
    private bool _closed;

    private RemoteEnvironment(BridgeClient client, bool ownsClient, MsgPackMap made)
    {
        _client = client;
        _ownsClient = ownsClient;
        Id = WireReader.AsLong(Get(made, "env"), "env");
        ObservationSpace = SpaceCodec.FromWire(Get(made, "observation_space"));
        ActionSpace = SpaceCodec.FromWire(Get(made, "action_space"));
    }

    /// <summary>The environment's id on the server.</summary>
    public long Id { get; }

    /// <inheritdoc />
    public Space ObservationSpace { get; }

    /// <inheritdoc />
    public Space ActionSpace { get; }

    /// <summary>Makes a shipped scenario on the server behind <paramref name="client"/> (which stays the caller's).</summary>
    public static RemoteEnvironment Make(BridgeClient client, string scenario) =>
        new(client, false, client.Call(Ops.Make, new Dictionary<string, object?> { ["scenario"] = scenario }));

    /// <summary>Makes an inline YAML scenario on the server behind <paramref name="client"/>.</summary>
    public static RemoteEnvironment MakeInline(BridgeClient client, string yaml) =>
        new(client, false, client.Call(Ops.Make, new Dictionary<string, object?> { ["scenario_yaml"] = yaml }));

    /// <summary>Connects with <paramref name="options"/> and makes <paramref name="scenario"/>; the connection closes with the environment.</summary>
    public static RemoteEnvironment Connect(BridgeClientOptions options, string scenario)
    {
        var client = new BridgeClient(options);
        try
        {
            return new RemoteEnvironment(client, true, client.Call(Ops.Make, new Dictionary<string, object?> { ["scenario"] = scenario }));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null)
    {
        var r = Call(Ops.Reset, new Dictionary<string, object?> { ["env"] = Id, ["seed"] = seed, ["options"] = options }, null);
        return new ResetResult(Observation(r), Info(r));
    }

    /// <inheritdoc />
    public StepResult Step(object action)
    {
        var r = Call(Ops.Step, new Dictionary<string, object?> { ["env"] = Id, ["action"] = action }, action);
        return new StepResult(Observation(r), ToDouble(Get(r, "reward")), Get(r, "terminated") is true, Get(r, "truncated") is true, Info(r));
    }

    /// <inheritdoc />
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            _client.Call(Ops.Close, new Dictionary<string, object?> { ["env"] = Id });
        }
        catch (Exception e) when (e is BridgeException or TimeoutException)
        {
            // Already gone on the server (expired, server restarted): nothing left to release.
        }
        finally
        {
            if (_ownsClient) _client.Dispose();
        }
    }

    /// <summary>Closes the environment on the server (same as <see cref="Close"/>).</summary>
    public void Dispose() => Close();

    private MsgPackMap Call(string op, Dictionary<string, object?> fields, object? action)
    {
        if (_closed) throw new EnvironmentStateException($"remote environment {Id} is closed");
        try
        {
            return _client.Call(op, fields);
        }
        catch (BridgeException e) when (e.Code == ErrorCodes.InvalidAction)
        {
            throw new ActionOutOfSpaceException(action, ActionSpace, e.Message);
        }
        catch (BridgeException e) when (e.Code is ErrorCodes.InvalidState or ErrorCodes.UnknownEnv)
        {
            throw new EnvironmentStateException(e.Message);
        }
        catch (BridgeException e) when (e.Code == ErrorCodes.InvalidArgument)
        {
            throw new ArgumentException(e.Message, e);
        }
    }

    private object Observation(MsgPackMap r) => WireReader.ToValue(Get(r, "obs"), ObservationSpace)!;

    private static IReadOnlyDictionary<string, object?> Info(MsgPackMap r) =>
        r.TryGetValue("info", out object? info) && WireReader.ToValue(info) is Dictionary<string, object> d
            ? d.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)
            : new Dictionary<string, object?>();

    private static object? Get(MsgPackMap map, string key) =>
        map.TryGetValue(key, out object? v) ? v : throw new BridgeException(ErrorCodes.BadMessage, $"reply lacks '{key}'");

    private static double ToDouble(object? v) => v switch
    {
        double d => d,
        float f => f,
        long l => l,
        _ => throw new BridgeException(ErrorCodes.BadMessage, "reward is not a number"),
    };
}
