using System.Diagnostics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Model.Benchmarks;

/// <summary>Passes everything to a source and records how long each <see cref="Draw"/> call took (milliseconds).</summary>
internal sealed class TimedFrameSource(IFrameSource inner) : IFrameSource
{
    /// <summary>Milliseconds of each <see cref="Draw"/> call, in order.</summary>
    public List<double> RenderMs { get; } = [];

    public string Name => inner.Name;

    public bool DrawsFromContext => inner.DrawsFromContext;

    public IReadOnlyList<MemorySeed> SeedViews(FrameEpisode episode, Pose start, CameraIntrinsics camera) => inner.SeedViews(episode, start, camera);

    public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<DrawnView> drawn = inner.Draw(requests);
        RenderMs.Add(clock.Elapsed.TotalMilliseconds);
        return drawn;
    }

    public void Dispose() => inner.Dispose();
}
