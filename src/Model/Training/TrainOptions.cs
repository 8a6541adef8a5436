using RtfmGym.Torch;

namespace RtfmGym.Model.Training;

/// <summary>Settings of one training run (<c>rtfmgym model train</c>). Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record TrainOptions
{
    /// <summary>The model's shape (ignored when resuming: the checkpoint's is used and must agree).</summary>
    public FrameModelConfig Model { get; init; } = FrameModelConfig.Small;

    /// <summary>Where checkpoints, the loss curve and sample grids go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Total optimiser steps of the run (a resumed run continues up to this count).</summary>
    public long Steps { get; init; } = 10_000;

    /// <summary>Samples per step. Default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Peak learning rate of AdamW (linear warm-up, then cosine to a tenth). Default 5e-4.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>Warm-up steps. Default 200.</summary>
    public long WarmupSteps { get; init; } = 200;

    /// <summary>Decay of the weight average that checkpoints save for generation. Default 0.998.</summary>
    public double EmaDecay { get; init; } = 0.998;

    /// <summary>Seed of initial weights, data and noise.</summary>
    public ulong Seed { get; init; }

    /// <summary>Where to train.</summary>
    public Device Device { get; init; } = Device.CPU;

    /// <summary>Steps between checkpoints (and loss-curve updates). Default 250.</summary>
    public int CheckpointEvery { get; init; } = 250;

    /// <summary>Steps between sample grids. Default 500.</summary>
    public int SampleEvery { get; init; } = 500;

    /// <summary>Continue from the checkpoint in <see cref="OutputDirectory"/> instead of starting afresh.</summary>
    public bool Resume { get; init; }

    /// <summary>The machine's description for the checkpoint's training summary (CPU or GPU model).</summary>
    public string Machine { get; init; } = $"{Environment.ProcessorCount} cores";

    /// <summary>How training samples are drawn.</summary>
    public TrainingDataOptions Data { get; init; } = new();

    /// <summary>What each step optimises (loss weighting, noise levels, self-forcing). Default: <see cref="TrainObjective"/>'s defaults.</summary>
    public TrainObjective Objective { get; init; } = new();

    /// <summary>
    /// A checkpoint directory to warm-start a new run from: every weight it shares with this model (same name
    /// and shape) is copied before the first step; weights it lacks (a newer feature) keep their initial
    /// values. Ignored when resuming. Default null (start from random weights).
    /// </summary>
    public string? InitFrom { get; init; }

    /// <summary>
    /// Open the copy path's gate fully before the first step (after any warm start; not on resume), so training starts
    /// from the path's reading and learns where the network should draw instead. Needs <see cref="FrameModelConfig.PointerStride"/>.
    /// Default false (the gate starts as initialised or as warm-started).
    /// </summary>
    public bool OpenCopyGate { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public TrainOptions Validate()
    {
        Model.Validate();
        Data.Validate();
        ArgumentNullException.ThrowIfNull(Objective, nameof(Objective));
        Objective.Validate();
        if (Objective.SelfForcingShare > 0 && !Model.Provenance && Objective.SelfForcingFrom < Steps)
            throw new ArgumentException("Self-forcing marks the model's own frames as generated, which needs a model with provenance; set SelfForcingShare to 0 or use a preset with provenance.", nameof(Objective));
        if (OpenCopyGate && Model.PointerStride == 0)
            throw new ArgumentException("--copy-gate-open opens the copy path's gate, which this model lacks; add --copy-stride 2.", nameof(OpenCopyGate));
        if (Objective.CopyCorrespondenceWeight > 0 && Model.PointerStride == 0)
            throw new ArgumentException("The correspondence loss (--copy-correspondence-weight) supervises the copy path, which this model lacks; add --copy-stride 2 or set the weight to 0.", nameof(Objective));
        if (string.IsNullOrWhiteSpace(OutputDirectory)) throw new ArgumentException("An output directory is required (--out DIR).", nameof(OutputDirectory));
        if (Steps is < 1 or > 100_000_000) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps must be 1 to 100,000,000.");
        if (BatchSize is < 1 or > 4096) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batch size must be 1 to 4096.");
        if (!(LearningRate is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Learning rate must be in (0, 1).");
        if (WarmupSteps < 0) throw new ArgumentOutOfRangeException(nameof(WarmupSteps), WarmupSteps, "Warm-up steps cannot be negative.");
        if (!(EmaDecay is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(EmaDecay), EmaDecay, "EMA decay must be in [0, 1).");
        if (CheckpointEvery < 1 || SampleEvery < 1) throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), "Checkpoint and sample intervals must be at least 1 step.");
        if (Data.ImageSize != Model.ImageSize) throw new ArgumentException($"The data's image size {Data.ImageSize} differs from the model's {Model.ImageSize}.", nameof(Data));
        return this;
    }
}
