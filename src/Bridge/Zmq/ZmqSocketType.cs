namespace RtfmGym.Bridge.Zmq;

/// <summary>libzmq socket types (ZMQ_PAIR ...), values as in zmq.h.</summary>
public enum ZmqSocketType
{
    Pair = 0,
    Req = 3,
    Rep = 4,
    Dealer = 5,
    Router = 6,
    Pull = 7,
    Push = 8,
}
