namespace RtfmGym.Bridge.Zmq;

/// <summary>libzmq socket options used by the bridge, values as in zmq.h (4.3).</summary>
public enum ZmqSocketOption
{
    /// <summary>Routing id (bytes, 1..255) a DEALER/REQ presents to a ROUTER.</summary>
    RoutingId = 5,
    /// <summary>
    /// The socket's notification file descriptor (read only): readable when the socket's state
    /// may have changed. Edge-like: after it fires, receive until EAGAIN before polling it again.
    /// </summary>
    Fd = 14,
    /// <summary>Linger on close, milliseconds (-1 forever, 0 drop).</summary>
    Linger = 17,
    /// <summary>Reconnect interval, milliseconds.</summary>
    ReconnectInterval = 18,
    /// <summary>Largest inbound message in bytes (int64, -1 unlimited); bigger ones disconnect the peer.</summary>
    MaxMessageSize = 22,
    /// <summary>Send high-water mark, messages.</summary>
    SendHighWaterMark = 23,
    /// <summary>Receive high-water mark, messages.</summary>
    ReceiveHighWaterMark = 24,
    /// <summary>Receive timeout, milliseconds (-1 forever).</summary>
    ReceiveTimeout = 27,
    /// <summary>Send timeout, milliseconds (-1 forever).</summary>
    SendTimeout = 28,
    /// <summary>The endpoint last bound (string), with the port chosen for "tcp://host:*".</summary>
    LastEndpoint = 32,
    /// <summary>ROUTER: fail sends to unknown peers instead of dropping silently.</summary>
    RouterMandatory = 33,
    /// <summary>Queue only to completed connections.</summary>
    Immediate = 39,
    /// <summary>Act as CURVE server (int 0/1).</summary>
    CurveServer = 47,
    /// <summary>Own CURVE public key (32 bytes).</summary>
    CurvePublicKey = 48,
    /// <summary>Own CURVE secret key (32 bytes).</summary>
    CurveSecretKey = 49,
    /// <summary>The server's CURVE public key, set on clients (32 bytes).</summary>
    CurveServerKey = 50,
    /// <summary>ZAP domain (string) sent to the authentication handler.</summary>
    ZapDomain = 55,
    /// <summary>ROUTER: a new connection with a known routing id takes it over (int 0/1).</summary>
    RouterHandover = 56,
    /// <summary>Handshake timeout, milliseconds.</summary>
    HandshakeInterval = 66,
    /// <summary>Interval between ZMTP heartbeats (PING), milliseconds; 0 disables.</summary>
    HeartbeatInterval = 75,
    /// <summary>Time-to-live the peer should apply to this connection, milliseconds (rounded to 100 ms).</summary>
    HeartbeatTtl = 76,
    /// <summary>Close the connection when no traffic arrives within this many milliseconds after a PING.</summary>
    HeartbeatTimeout = 77,
}
