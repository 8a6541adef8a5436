using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Rendering;

namespace RtfmGym.Cli.Output;

/// <summary>
/// The frames an episode showed beside the ground truth at the same poses: two rows, the observations on
/// top and the ray-cast truth below, at the same evenly spread steps (<see cref="FrameSampler"/>). For a
/// learned frame source this is the honest picture of how faithful its world is.
/// </summary>
public sealed class TruthComparisonSheet : IDisposable
{
    private readonly GroundTruthRenderer _truth = new(new RendererOptions { Threads = 1 });
    private readonly FrameSampler _shown, _truths;

    /// <param name="count">Steps shown (columns).</param>
    public TruthComparisonSheet(int count)
    {
        (_shown, _truths) = (new FrameSampler(count), new FrameSampler(count));
        Count = count;
    }

    /// <summary>Columns of the sheet.</summary>
    public int Count { get; }

    /// <summary>Starts the episode whose frames follow (call after its reset).</summary>
    public void Begin(RtfmEnvironment env, ulong seed) => _truth.BeginEpisode(env.World, seed);

    /// <summary>Offers the environment's current frame and renders the truth at its pose.</summary>
    public void Add(RtfmEnvironment env)
    {
        _shown.Add(env.LastFrame!.Rgb);
        _truths.Add(_truth.Render(new FrameRequest(env.Pose, env.Camera)).Rgb);
    }

    /// <summary>Writes the sheet (2x scale) to <paramref name="path"/>; nothing when no frame was offered.</summary>
    public void Write(string path, int width, int height)
    {
        IReadOnlyList<byte[]> shown = _shown.Pick(), truths = _truths.Pick();
        if (shown.Count == 0) return;
        var (rgb, w, h) = ContactSheet.Build([.. shown, .. truths], width, height, shown.Count);
        Imaging.PngWriter.Write(path, w, h, rgb);
    }

    /// <summary>Frees the ground-truth renderer.</summary>
    public void Dispose() => _truth.Dispose();
}
