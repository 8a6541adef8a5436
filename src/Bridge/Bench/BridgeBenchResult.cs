namespace RtfmGym.Bridge.Bench;

/// <summary>
/// Figures of one <see cref="BridgeBench"/> run. Rates are per second; latencies are
/// microseconds per step (one request and its reply for the remote figures).
/// </summary>
public sealed record BridgeBenchResult(
    string Observation,
    int Steps,
    double InProcessStepsPerSecond,
    double InProcessP50Us,
    double InProcessP99Us,
    double RemoteRoundTripsPerSecond,
    double RemoteP50Us,
    double RemoteP99Us,
    int BatchEnvs,
    double RemoteBatchStepsPerSecond)
{
    /// <summary>p50 of a bare ZeroMQ round trip with a reply of the step's size (the transport's floor, microseconds).</summary>
    public double TransportFloorP50Us { get; init; }

    /// <summary>p99 of the bare ZeroMQ round trip (microseconds).</summary>
    public double TransportFloorP99Us { get; init; }

    /// <summary>What the bridge adds to an in-process step at p50: remote p50 minus in-process p50 (microseconds).</summary>
    public double AddedP50Us => RemoteP50Us - InProcessP50Us;
}
