using System.Net;
using RtfmGym.Env;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Play;

/// <summary>How a <see cref="PlayServer"/> binds, what it serves and how it bounds sessions. Validated when built.</summary>
public sealed record PlayServerOptions
{
    /// <summary>Creates options; every argument is checked (see the properties for units and defaults).</summary>
    /// <exception cref="ArgumentException">An argument is out of range; the message names it.</exception>
    public PlayServerOptions(Scenario scenario, IPAddress? bind = null, int port = 0, int maxSessions = 4, TimeSpan? idleTimeout = null,
        string recordDirectory = "runs/play", Func<Scenario, RtfmEnvironment>? createEnvironment = null, AccessToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (port is < 0 or > 65535) throw new ArgumentException($"--port must be 0 (a free port) to 65535, not {port}.");
        if (maxSessions < 1) throw new ArgumentException($"--max-sessions must be at least 1, not {maxSessions}.");
        TimeSpan idle = idleTimeout ?? TimeSpan.FromMinutes(10);
        if (idle <= TimeSpan.Zero) throw new ArgumentException($"The idle timeout must be positive, not {idle}.");
        ArgumentException.ThrowIfNullOrWhiteSpace(recordDirectory);
        Scenario = scenario;
        Bind = bind ?? IPAddress.Loopback;
        Port = port;
        MaxSessions = maxSessions;
        IdleTimeout = idle;
        RecordDirectory = recordDirectory;
        CreateEnvironment = createEnvironment ?? (s => new RtfmEnvironment(s, memory: new SpatialMemory()));
        // Anyone who can reach a non-loopback address could otherwise drive (and load) the server.
        Token = token ?? (IPAddress.IsLoopback(Bind) ? null : AccessToken.Generate());
    }

    /// <summary>The scenario every session walks (its frame source draws the generated view).</summary>
    public Scenario Scenario { get; }

    /// <summary>The address to listen on (default 127.0.0.1).</summary>
    public IPAddress Bind { get; }

    /// <summary>The TCP port (default 0: a free port, reported by <see cref="PlayServer.Url"/>).</summary>
    public int Port { get; }

    /// <summary>Sessions (browser connections) open at once (default 4); one more is refused with a message.</summary>
    public int MaxSessions { get; }

    /// <summary>A session silent this long is closed (default 10 minutes).</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Where the page's Record button saves episode records (default runs/play).</summary>
    public string RecordDirectory { get; }

    /// <summary>
    /// Makes a session's environment for the scenario. It must keep a spatial memory, which the map shows
    /// (default: the scenario's own frame source with a default <see cref="SpatialMemory"/>, as replay creates it).
    /// </summary>
    public Func<Scenario, RtfmEnvironment> CreateEnvironment { get; }

    /// <summary>The token the page and socket must present, or null (the default on loopback, where none is asked).</summary>
    public AccessToken? Token { get; }
}
