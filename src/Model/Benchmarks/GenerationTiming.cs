namespace RtfmGym.Model.Benchmarks;

/// <summary>
/// Latency split of generating one frame at one size and step count (milliseconds, medians over the
/// measured frames; <paramref name="StepMs"/> per step index).
/// </summary>
/// <param name="Size">Square image side, pixels.</param>
/// <param name="ContextFrames">Context frames attended to.</param>
/// <param name="SamplerSteps">Denoising steps.</param>
/// <param name="FramesPerSecond">Generated frames per second (frames over the wall time of generating them; excludes encoding the new frame).</param>
/// <param name="FrameMs">One generated frame, median.</param>
/// <param name="EncodeContextMs">Encoding one frame's keys and values for the memory (done once per frame when it enters memory), median.</param>
/// <param name="PrepareMs">Gathering the context's cached keys and values and the target's rays onto the device, median.</param>
/// <param name="StepMs">Each denoising step, median per step index.</param>
/// <param name="DecodeMs">Turning the network's output into an RGB-D frame, median.</param>
public sealed record GenerationTiming(int Size, int ContextFrames, int SamplerSteps, double FramesPerSecond, double FrameMs,
    double EncodeContextMs, double PrepareMs, IReadOnlyList<double> StepMs, double DecodeMs);
