using RtfmGym.Env.Rendering;

namespace RtfmGym.Model.Benchmarks;

/// <summary>Throughput of <see cref="GroundTruthRenderer"/> measured by <see cref="RendererBenchmark.Run"/>.</summary>
/// <param name="SingleThread64">Frames per second at 64x64 (RGB + depth + ids) on one thread.</param>
/// <param name="AllThreads64">Frames per second at 64x64 with <paramref name="Threads"/> threads (batched, one frame per thread).</param>
/// <param name="SingleThread128">Frames per second at 128x128 on one thread.</param>
/// <param name="AllThreads128">Frames per second at 128x128 with <paramref name="Threads"/> threads.</param>
/// <param name="Threads">Threads used for the all-threads figures.</param>
/// <param name="BakeMilliseconds">Time to prepare the world (geometry and baked light) on one thread, milliseconds.</param>
/// <param name="FramesPerMeasurement">Frames rendered per timed round of each figure.</param>
public sealed record RendererBenchmarkResult(
    double SingleThread64, double AllThreads64, double SingleThread128, double AllThreads128,
    int Threads, double BakeMilliseconds, int FramesPerMeasurement)
{
    /// <summary>Single-thread milliseconds per 64x64 frame.</summary>
    public double MillisecondsPerFrame64 => 1000.0 / SingleThread64;

    /// <summary>One line of the figures (frames/s at both sizes, ms per 64x64 frame, bake time), for a console.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"64x64: {SingleThread64:F0} frames/s on 1 thread ({MillisecondsPerFrame64:F2} ms/frame), {AllThreads64:F0} on {Threads}; " +
        $"128x128: {SingleThread128:F0} on 1 thread, {AllThreads128:F0} on {Threads}; bake {BakeMilliseconds:F0} ms");
}
