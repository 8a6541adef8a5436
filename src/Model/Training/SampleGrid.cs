using RtfmGym.Env.Frames;
using RtfmGym.Imaging;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Sampling;

namespace RtfmGym.Model.Training;

/// <summary>
/// Sample grids written while training: fixed samples from held-out worlds, one row each:
/// the context views, then the generated frame, then the ground truth, separated by grey gaps.
/// </summary>
public sealed class SampleGrid
{
    private const int Gap = 2;
    private readonly TrainingExample[] _examples;

    /// <summary>Draws <paramref name="rows"/> fixed samples (half interpolation, half extrapolation) with <paramref name="views"/> views each.</summary>
    public SampleGrid(TrainingDataOptions data, int rows = 4, int views = 4, ulong seed = 7)
    {
        var generator = new TrainingDataGenerator(data with { PoolSize = rows }, seed, heldOut: true);
        _examples = Enumerable.Range(0, rows)
            .Select(i => generator.Batch(i, 1, views, i % 2 == 0 ? SampleKind.Interpolation : SampleKind.Extrapolation)[0])
            .ToArray();
    }

    /// <summary>The fixed samples.</summary>
    public IReadOnlyList<TrainingExample> Examples => _examples;

    /// <summary>Renders the grid with <paramref name="model"/>, scaled up twice with column labels and a title, and writes it as PNG (atomically).</summary>
    public void Write(FrameModel model, string path, string title, SamplerSettings? sampler = null)
    {
        var (rgb, width, height) = Render(model, sampler);
        const int scale = 2, header = 2 * BitmapFont.LineHeight + 8;
        var canvas = new Canvas(width * scale, height * scale + header, Rgb8.White);
        canvas.DrawText(4, 4, title, Rgb8.Black);
        int size = _examples[0].Camera.Width, views = _examples[0].ContextFrames.Count;
        string[] labels = [.. Enumerable.Range(1, views).Select(i => $"context {i}"), "generated", "ground truth"];
        for (int c = 0; c < labels.Length; c++) canvas.DrawText(c * (size + Gap) * scale + 4, 4 + BitmapFont.LineHeight, labels[c], Rgb8.Black);
        canvas.Blit(rgb, width, height, 0, header, scale);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        canvas.Save(path);
    }

    /// <summary>The grid as RGB bytes (HWC) with its size.</summary>
    public (byte[] Rgb, int Width, int Height) Render(FrameModel model, SamplerSettings? sampler = null)
    {
        int size = _examples[0].Camera.Width, columns = _examples[0].ContextFrames.Count + 2;
        int width = columns * (size + Gap) - Gap, height = _examples.Length * (size + Gap) - Gap;
        var rgb = new byte[width * height * 3];
        Array.Fill(rgb, (byte)128);
        for (int r = 0; r < _examples.Length; r++)
        {
            TrainingExample e = _examples[r];
            var context = e.ContextFrames.Select((f, i) => model.EncodeContext(f, e.Centred.Apply(e.ContextPoses[i]), e.Camera)).ToArray();
            Frame generated = model.Generate(context, e.Centred.Apply(e.TargetPose), e.Camera, sampler, seed: (ulong)r);
            var row = e.ContextFrames.Append(generated).Append(e.Target).ToArray();
            for (int c = 0; c < row.Length; c++) Blit(row[c], rgb, width, c * (size + Gap), r * (size + Gap));
        }
        return (rgb, width, height);
    }

    private static void Blit(Frame frame, byte[] dest, int destWidth, int x0, int y0)
    {
        for (int y = 0; y < frame.Height; y++)
            Array.Copy(frame.Rgb, y * frame.Width * 3, dest, ((y0 + y) * destWidth + x0) * 3, frame.Width * 3);
    }
}
