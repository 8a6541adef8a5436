using System.Diagnostics;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Bench;

/// <summary>
/// The least a round trip over ZeroMQ costs here: a DEALER sends a small request, a thread of
/// a ROUTER in the same process answers at once with a reply of the bridge's size, with no
/// decoding or environment. The bridge's latency above this is what the server itself adds;
/// this part is ZeroMQ's own threads and the kernel's loopback.
/// </summary>
internal static class TransportFloor
{
    public static (double P50Us, double P99Us) Measure(int replyBytes, int roundTrips)
    {
        using var serverContext = new ZmqContext();
        using var clientContext = new ZmqContext();
        using var router = serverContext.CreateSocket(ZmqSocketType.Router);
        router.SetOption(ZmqSocketOption.ReceiveTimeout, 100);
        router.Bind("tcp://127.0.0.1:*");
        using var stop = new CancellationTokenSource();
        var reply = new byte[replyBytes];
        var echo = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (router.TryReceiveMultipart(out _) is not { } frames) continue;
                router.TrySend(frames[0], more: true, dontWait: true);
                router.TrySend(reply, more: false, dontWait: true);
            }
        }) { IsBackground = true, Name = "transport-floor" };
        echo.Start();
        try
        {
            using var dealer = clientContext.CreateSocket(ZmqSocketType.Dealer);
            dealer.SetOption(ZmqSocketOption.ReceiveTimeout, 10_000);
            dealer.Connect(router.LastEndpoint);
            var request = new byte[64];
            var latencies = new double[roundTrips];
            for (int i = -200; i < roundTrips; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                dealer.Send(request);
                _ = dealer.TryReceiveFrame(out _) ?? throw new TimeoutException("the transport echo did not answer");
                if (i >= 0) latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            }
            Array.Sort(latencies);
            return (latencies[roundTrips / 2], latencies[(int)(roundTrips * 0.99)]);
        }
        finally
        {
            stop.Cancel();
            echo.Join();
        }
    }
}
