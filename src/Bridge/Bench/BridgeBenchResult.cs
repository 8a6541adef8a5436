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
    double RemoteBatchStepsPerSecond);
