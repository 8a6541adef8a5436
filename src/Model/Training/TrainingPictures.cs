namespace RtfmGym.Model.Training;

/// <summary>
/// The pictures a training run leaves in its output directory: a sample grid every
/// <see cref="TrainOptions.SampleEvery"/> steps (samples/step-NNNNNN.png and samples/latest.png).
/// Hook <see cref="OnSample"/> and <see cref="OnCheckpoint"/> to the trainer's events.
/// </summary>
public sealed class TrainingPictures(TrainingDataOptions data)
{
    private SampleGrid? _grid;

    /// <summary>Writes the sample grid of the averaged model at <paramref name="step"/>.</summary>
    public void OnSample(string outDir, long step, FrameModel model)
    {
        _grid ??= new SampleGrid(data);
        string dir = Path.Combine(outDir, "samples");
        _grid.Write(model, Path.Combine(dir, $"step-{step:000000}.png"));
        File.Copy(Path.Combine(dir, $"step-{step:000000}.png"), Path.Combine(dir, "latest.png"), overwrite: true);
    }

    /// <summary>Called after each checkpoint.</summary>
    public void OnCheckpoint(string outDir, long step, FrameModel model)
    {
    }
}
