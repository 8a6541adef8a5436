using System.CommandLine;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Model;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym model train --preset small --steps N --out DIR [--device cuda] [--resume]</c>: trains a frame
/// model on worlds rendered on the fly, with a progress bar, periodic checkpoints, loss curve and sample grids.
/// </summary>
public static class ModelTrainCommand
{
    /// <summary>The <c>model train</c> subcommand with its options, for <see cref="ModelCommand"/>.</summary>
    public static Command Create()
    {
        var arguments = new ModelTrainArguments();
        var cmd = new Command("train", "Train a frame model on procedural worlds rendered on the fly; Ctrl-C leaves a usable checkpoint.");
        foreach (Option option in arguments.All) cmd.Options.Add(option);
        cmd.SetAction((pr, ct) => Task.FromResult(Run(arguments.Read(pr), ct)));
        return cmd;
    }

    internal static Device ParseDevice(string text)
    {
        Device d = Device.Parse(text);
        try { d.EnsureAvailable(); }
        catch (TorchException e) { throw new RtfmGymException($"Device '{text}' cannot be used: {e.Message}. Use --device cpu."); }
        return d;
    }

    internal static int Run(TrainOptions options, CancellationToken ct)
    {
        torch.set_num_threads(torch.DefaultThreadCount());
        var trainer = new Trainer(options);
        var reports = new Model.Training.TrainingPictures(options.Data);
        trainer.Checkpointed += reports.OnCheckpoint;
        trainer.Sampling += reports.OnSample;
        Consoles.Err.MarkupLine($"[grey]training {options.Model.Preset} ({options.Model.Width}x{options.Model.Depth}, {options.Model.ImageSize}px) on {options.Device} into {Markup.Escape(options.OutputDirectory)}; Ctrl-C stops with a checkpoint[/]");
        Model.Checkpoints.TrainingSummary? summary = null;
        Consoles.Err.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("train", maxValue: options.Steps);
                var report = new SynchronousProgress<TrainProgress>(p =>
                {
                    task.Value = p.Step;
                    task.Description = $"step {p.Step}/{p.TotalSteps} loss {p.Loss:F4} {p.StepsPerSecond:F2} steps/s lr {p.LearningRate:G2}";
                });
                summary = trainer.Run(report, ct);
            });
        // The pictures always show the final state, however the run ended (or if it was already complete).
        Model.Training.TrainingPictures.WriteLossCurve(options.OutputDirectory);
        using (FrameModel final = Model.Checkpoints.ModelCheckpoint.Load(options.OutputDirectory))
            reports.OnSample(options.OutputDirectory, summary!.Steps, final);
        Consoles.Out.MarkupLine($"trained to step {summary!.Steps}, loss {summary.Loss:F4}, {summary.Seconds / 60:F1} min; checkpoint in {Markup.Escape(options.OutputDirectory)}");
        return ct.IsCancellationRequested ? 130 : 0;
    }
}
