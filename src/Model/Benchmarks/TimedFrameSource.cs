using System.Diagnostics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Model.Benchmarks;

/// <summary>Passes everything to a memory-aware source and records how long each frame took (milliseconds).</summary>
internal sealed class TimedFrameSource(IMemoryAwareFrameSource inner) : IMemoryAwareFrameSource
{
    /// <summary>Milliseconds of each <see cref="Render(FrameRequest, IReadOnlyList{MemoryEntry})"/> call, in order.</summary>
    public List<double> RenderMs { get; } = [];

    public string Name => inner.Name;

    public object? LastPayload => inner.LastPayload;

    public void BeginEpisode(World world, ulong seed) => inner.BeginEpisode(world, seed);

    public IReadOnlyList<MemorySeed> SeedViews(Pose start, CameraIntrinsics camera) => inner.SeedViews(start, camera);

    public Frame Render(FrameRequest request) => Render(request, []);

    public Frame Render(FrameRequest request, IReadOnlyList<MemoryEntry> context)
    {
        var clock = Stopwatch.StartNew();
        Frame frame = inner.Render(request, context);
        RenderMs.Add(clock.Elapsed.TotalMilliseconds);
        return frame;
    }

    public void Dispose() => inner.Dispose();
}
