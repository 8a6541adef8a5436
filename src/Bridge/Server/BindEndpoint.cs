using System.Net;

namespace RtfmGym.Bridge.Server;

/// <summary>What a ZeroMQ bind endpoint exposes: loopback and local transports stay on this machine.</summary>
public static class BindEndpoint
{
    /// <summary>
    /// True when only this machine can reach <paramref name="endpoint"/>: ipc:// and inproc://,
    /// or tcp:// on localhost or a loopback address (127.0.0.0/8, ::1). A wildcard (*, 0.0.0.0),
    /// an interface name or any other address is reachable from elsewhere.
    /// </summary>
    public static bool IsLoopbackOnly(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        int scheme = endpoint.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return false;
        string transport = endpoint[..scheme];
        if (transport is "ipc" or "inproc") return true;
        if (transport != "tcp") return false;
        string address = endpoint[(scheme + 3)..];
        int port = address.LastIndexOf(':');
        string host = (port < 0 ? address : address[..port]).Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }
}
