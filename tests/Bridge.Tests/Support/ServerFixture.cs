using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.Server;

namespace RtfmGym.Bridge.Tests.Support;

/// <summary>A started in-process server on a free port, and clients for it.</summary>
internal sealed class ServerFixture : IDisposable
{
    public ServerFixture(BridgeServerOptions? options = null, IEnvironmentProvider? provider = null, TextWriter? log = null)
    {
        Options = options ?? new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 2);
        Server = new BridgeServer(Options, provider ?? new FakeProvider(), new BridgeLog(log));
        Server.Start();
    }

    public BridgeServerOptions Options { get; }

    public BridgeServer Server { get; }

    public BridgeClient Connect(TimeSpan? timeout = null) =>
        new(new BridgeClientOptions(Server.Endpoint, timeout ?? TimeSpan.FromSeconds(20)));

    public void Dispose() => Server.Dispose();
}
