using RtfmGym.Env.Frames;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// The ceiling of a copy path that reads the right place: a reference drawn from ground-truth geometry, never a
/// generator. Each 8x8 patch of the target is the context window (origins every 2 px, as the copy path reads
/// them) centred where the surface at the patch's centre is seen (<see cref="PointerCorrespondence"/>), taken from
/// the nearest context view (<see cref="NearestFrame"/>) that sees it; a patch that no view sees keeps the nearest
/// frame's own pixels. Beside the model's row it says how much a right reading alone could give, and what is left
/// for the network to draw (a patch's detail under parallax or zoom, surfaces no view shows).
/// </summary>
public static class PatchCopyOracle
{
    /// <summary>Patch side of the oracle's windows, pixels.</summary>
    public const int Patch = 8;

    /// <summary>Pixels between the oracle's window origins.</summary>
    public const int Stride = 2;

    /// <summary>
    /// The oracle frame of <paramref name="example"/> (rendered with depth, as <see cref="TrainingDataGenerator"/> does)
    /// and the share of its patches some context view sees.
    /// </summary>
    /// <exception cref="ArgumentException">The sample has no context view, no depth, or an image side not a multiple of 8.</exception>
    public static (Frame Frame, double Covered) Draw(TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        int width = example.Camera.Width, height = example.Camera.Height, views = example.ContextFrames.Count;
        if (views == 0 || width % Patch != 0 || height % Patch != 0)
            throw new ArgumentException("The copy oracle needs a context view and an image side that is a multiple of 8.", nameof(example));
        var origins = PointerCorrespondence.Origins(example, Patch, Stride)
            ?? throw new ArgumentException("The copy oracle needs depth for the target and every context view.", nameof(example));
        int[] byNearness = Enumerable.Range(0, views).OrderBy(v => NearestFrame.Distance(example.ContextPoses[v], example.TargetPose)).ToArray();
        Frame nearest = example.ContextFrames[byNearness[0]];
        var rgb = (byte[])nearest.Rgb.Clone();
        int columns = width / Patch, tokens = columns * (height / Patch), covered = 0;
        for (int token = 0; token < tokens; token++)
        {
            int at = Array.FindIndex(byNearness, v => origins[token * views + v] is not null);
            if (at < 0) continue;
            int view = byNearness[at];
            covered++;
            var (ox, oy) = origins[token * views + view]!.Value;
            int tx = token % columns * Patch, ty = token / columns * Patch;
            byte[] source = example.ContextFrames[view].Rgb;
            for (int y = 0; y < Patch; y++)
                Array.Copy(source, ((oy + y) * width + ox) * 3, rgb, ((ty + y) * width + tx) * 3, Patch * 3);
        }
        return (new Frame(width, height, rgb), covered / (double)tokens);
    }
}
