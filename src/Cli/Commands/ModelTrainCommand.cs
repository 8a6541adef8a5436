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
        var preset = new Option<string>("--preset") { Description = "Model size: tiny or small.", DefaultValueFactory = _ => "small" };
        var steps = new Option<long>("--steps") { Description = "Total optimiser steps (a resumed run continues up to this).", DefaultValueFactory = _ => 10_000 };
        var outDir = new Option<string>("--out") { Description = "Checkpoint directory.", Required = true };
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint." };
        var batch = new Option<int>("--batch") { Description = "Samples per step.", DefaultValueFactory = _ => 16 };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => 5e-4 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of weights, data and noise.", DefaultValueFactory = _ => 0 };
        var size = new Option<int?>("--size") { Description = "Training image side in pixels (32 to 128, a multiple of 8). Default: the preset's." };
        var every = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => 250 };
        var sampleEvery = new Option<int>("--sample-every") { Description = "Steps between sample grids.", DefaultValueFactory = _ => 500 };
        var init = new Option<string?>("--init") { Description = "Warm-start a new run from this checkpoint directory (weights of the same name and shape are copied; newer parts start fresh)." };
        var weighting = new Option<string>("--weighting") { Description = "Loss weighting per noise level: v-space (x0 error / max(t, 0.1)^2) or flat.", DefaultValueFactory = _ => "v-space" };
        var levels = new Option<string>("--levels") { Description = "Noise-level distribution: logit-normal or uniform.", DefaultValueFactory = _ => "logit-normal" };
        var copies = new Option<double>("--copy-share") { Description = "Share of samples whose context holds the target's own view (or one within 0.1 m and 5°).", DefaultValueFactory = _ => 0.15 };
        var selfForcing = new Option<double>("--self-forcing") { Description = "Share of batches whose last context view is the model's own frame, marked generated (0 turns it off).", DefaultValueFactory = _ => 0.25 };
        var selfForcingFrom = new Option<long>("--self-forcing-from") { Description = "First step at which self-forcing applies.", DefaultValueFactory = _ => 1_000 };
        var rayRope = new Option<int?>("--ray-rope") { Description = "Frequencies of the ray-direction rotary attention (0 turns it off). Default: the preset's." };
        var cmd = new Command("train", "Train a frame model on procedural worlds rendered on the fly; Ctrl-C leaves a usable checkpoint.")
        {
            preset, steps, outDir, device, resume, batch, lr, seed, size, every, sampleEvery, init, weighting, levels, copies, selfForcing, selfForcingFrom, rayRope,
        };
        cmd.SetAction((pr, ct) =>
        {
            FrameModelConfig config = FrameModelConfig.FromPreset(pr.GetValue(preset)!);
            if (pr.GetValue(size) is { } s) config = config with { ImageSize = s };
            if (pr.GetValue(rayRope) is { } r) config = config with { RayRopeFrequencies = r };
            var options = new TrainOptions
            {
                Model = config,
                OutputDirectory = pr.GetValue(outDir)!,
                Steps = pr.GetValue(steps),
                BatchSize = pr.GetValue(batch),
                LearningRate = pr.GetValue(lr),
                Seed = pr.GetValue(seed),
                Device = ParseDevice(pr.GetValue(device)!),
                Resume = pr.GetValue(resume),
                CheckpointEvery = pr.GetValue(every),
                SampleEvery = pr.GetValue(sampleEvery),
                Machine = Machine.Describe(),
                Data = new TrainingDataOptions { ImageSize = config.ImageSize, Mix = TrainingDataOptions.MixWithCopies(pr.GetValue(copies)) },
                InitFrom = pr.GetValue(init),
                Objective = new TrainObjective
                {
                    Weighting = pr.GetValue(weighting) switch
                    {
                        "v-space" => LossWeighting.VSpace,
                        "flat" => LossWeighting.Flat,
                        var w => throw new RtfmGymException($"Unknown --weighting '{w}'; use v-space or flat."),
                    },
                    Levels = pr.GetValue(levels) switch
                    {
                        "logit-normal" => NoiseLevels.LogitNormal,
                        "uniform" => NoiseLevels.Uniform,
                        var l => throw new RtfmGymException($"Unknown --levels '{l}'; use logit-normal or uniform."),
                    },
                    SelfForcingShare = pr.GetValue(selfForcing),
                    SelfForcingFrom = pr.GetValue(selfForcingFrom),
                },
            };
            return Task.FromResult(Run(options, ct));
        });
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
