using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Rendering;
using RtfmGym.Model.Frames;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// The drift reference's frame source: draws exactly as <paramref name="model"/> does (same context rule, same
/// noise per episode and step), but the memory keeps each view's ground truth (from <paramref name="truth"/>,
/// generation depth 0) instead of the drawn frame, so a rollout through it differs from the model's own only in
/// its context. Neither source is owned.
/// </summary>
internal sealed class GroundTruthMemorySource(ModelFrameSource model, GroundTruthRenderer truth) : IFrameSource
{
    public string Name => "model with a ground-truth memory";

    public bool DrawsFromContext => true;

    public IReadOnlyList<MemorySeed> SeedViews(FrameEpisode episode, Pose start, CameraIntrinsics camera) => model.SeedViews(episode, start, camera);

    public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests)
    {
        IReadOnlyList<DrawnView> drawn = model.Draw(requests);
        IReadOnlyList<DrawnView> truths = truth.Draw(requests);
        // The memory keeps the truth's colour only, as it keeps a drawn frame's, so asking for depth (to measure it) leaves retrieval as it was.
        return drawn.Select((d, i) => new DrawnView(d.Observed, ColourOnly(truths[i].Observed))).ToArray();
    }

    private static Frame ColourOnly(Frame f) => f.Depth is null ? f : new Frame(f.Width, f.Height, f.Rgb);

    public void Dispose() { }
}
