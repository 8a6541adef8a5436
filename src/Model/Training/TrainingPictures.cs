using System.Globalization;
using RtfmGym.Env.IO;
using RtfmGym.Imaging;

namespace RtfmGym.Model.Training;

/// <summary>
/// The pictures a training run leaves in its output directory: the loss curve (loss.png, from
/// loss.csv) after every checkpoint, and a sample grid every <see cref="TrainOptions.SampleEvery"/>
/// steps (samples/step-NNNNNN.png and samples/latest.png). Hook <see cref="OnSample"/> and
/// <see cref="OnCheckpoint"/> to the trainer's events.
/// </summary>
public sealed class TrainingPictures(TrainingDataOptions data)
{
    private SampleGrid? _grid;

    /// <summary>Writes the sample grid of the averaged model at <paramref name="step"/>.</summary>
    public void OnSample(string outDir, long step, FrameModel model)
    {
        _grid ??= new SampleGrid(data);
        string dir = Path.Combine(outDir, "samples");
        string path = Path.Combine(dir, $"step-{step:000000}.png");
        _grid.Write(model, path, $"step {step}");
        AtomicFile.WriteAllBytes(Path.Combine(dir, "latest.png"), File.ReadAllBytes(path));
    }

    /// <summary>Redraws loss.png from loss.csv.</summary>
    public void OnCheckpoint(string outDir, long step, FrameModel model) => WriteLossCurve(outDir);

    /// <summary>Draws loss.png in <paramref name="outDir"/> from its loss.csv: every step, and a 50-step moving average, log scale.</summary>
    public static void WriteLossCurve(string outDir)
    {
        string csv = Path.Combine(outDir, "loss.csv");
        if (!File.Exists(csv)) return;
        var raw = File.ReadLines(csv).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f.Length >= 2)
            .Select(f => (X: double.Parse(f[0], CultureInfo.InvariantCulture), Y: double.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToArray();
        var smooth = new (double X, double Y)[raw.Length];
        double sum = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            sum += raw[i].Y;
            if (i >= 50) sum -= raw[i - 50].Y;
            smooth[i] = (raw[i].X, sum / Math.Min(i + 1, 50));
        }
        var spec = new LineChartSpec
        {
            Title = "Frame model training loss",
            XLabel = "step",
            YLabel = "loss (MSE)",
            LogY = true,
            Series = [new ChartSeries("per step", raw, Rgb8.LightGrey), new ChartSeries("50-step mean", smooth, Rgb8.Blue)],
        };
        LineChart.Render(spec).Save(Path.Combine(outDir, "loss.png"));
    }
}
