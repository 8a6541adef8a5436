namespace RtfmGym.Bridge.Zmq;

/// <summary>libzmq socket types (ZMQ_PAIR ...), values as in zmq.h.</summary>
public enum ZmqSocketType
{
    /// <summary>ZMQ_PAIR: one exclusive peer.</summary>
    Pair = 0,
    /// <summary>ZMQ_REQ: strict send-then-receive client.</summary>
    Req = 3,
    /// <summary>ZMQ_REP: strict receive-then-send server.</summary>
    Rep = 4,
    /// <summary>ZMQ_DEALER: asynchronous REQ; messages are load-balanced to peers.</summary>
    Dealer = 5,
    /// <summary>ZMQ_ROUTER: asynchronous REP; each message carries its peer's identity frame.</summary>
    Router = 6,
    /// <summary>ZMQ_PULL: receives from a PUSH pipeline.</summary>
    Pull = 7,
    /// <summary>ZMQ_PUSH: sends down a pipeline to PULL peers.</summary>
    Push = 8,
}
