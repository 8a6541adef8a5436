using System.Diagnostics;

namespace RtfmGym.Model;

/// <summary>Where the time of one generated frame went, milliseconds (filled by <see cref="FrameModel.Generate(IReadOnlyList{ContextFrame}, RtfmGym.Env.Geometry.Pose, RtfmGym.Env.Geometry.CameraIntrinsics, Sampling.SamplerSettings?, ulong, GenerationProfile?)"/> when passed one).</summary>
public sealed class GenerationProfile
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _mark;

    /// <summary>Gathering the context frames' cached keys and values and the target's rays.</summary>
    public double PrepareMs { get; internal set; }

    /// <summary>Each denoising step, in order.</summary>
    public List<double> StepMs { get; } = [];

    /// <summary>Turning the network's output into a frame.</summary>
    public double DecodeMs { get; internal set; }

    internal double Lap()
    {
        double now = _clock.Elapsed.TotalMilliseconds, lap = now - _mark;
        _mark = now;
        return lap;
    }
}
