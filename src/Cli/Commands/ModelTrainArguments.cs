using System.CommandLine;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Model;
using RtfmGym.Model.Training;

namespace RtfmGym.Cli.Commands;

/// <summary>The options of <c>rtfmgym model train</c> and how they become <see cref="TrainOptions"/>.</summary>
internal sealed class ModelTrainArguments
{
    private readonly Option<string> _preset = new("--preset") { Description = "Model size: tiny or small.", DefaultValueFactory = _ => "small" };
    private readonly Option<long> _steps = new("--steps") { Description = "Total optimiser steps (a resumed run continues up to this).", DefaultValueFactory = _ => 10_000 };
    private readonly Option<string> _outDir = new("--out") { Description = "Checkpoint directory.", Required = true };
    private readonly Option<string> _device = new("--device") { Description = "cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<bool> _resume = new("--resume") { Description = "Continue the run in --out from its last checkpoint." };
    private readonly Option<int> _batch = new("--batch") { Description = "Samples per step.", DefaultValueFactory = _ => 16 };
    private readonly Option<double> _lr = new("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => 5e-4 };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of weights, data and noise.", DefaultValueFactory = _ => 0 };
    private readonly Option<int?> _size = new("--size") { Description = "Training image side in pixels (32 to 128, a multiple of 8). Default: the preset's." };
    private readonly Option<int> _every = new("--checkpoint-every") { Description = "Steps between checkpoints.", DefaultValueFactory = _ => 250 };
    private readonly Option<int> _sampleEvery = new("--sample-every") { Description = "Steps between sample grids.", DefaultValueFactory = _ => 500 };
    private readonly Option<string?> _init = new("--init") { Description = "Warm-start a new run from this checkpoint directory (weights of the same name and shape are copied; newer parts start fresh)." };
    private readonly Option<string> _weighting = new("--weighting") { Description = "Loss weighting per noise level: v-space (x0 error / max(t, 0.1)^2) or flat.", DefaultValueFactory = _ => "v-space" };
    private readonly Option<string> _levels = new("--levels") { Description = "Noise-level distribution: logit-normal or uniform.", DefaultValueFactory = _ => "logit-normal" };
    private readonly Option<double> _pureNoise = new("--pure-noise-share") { Description = "Share of samples trained at noise level 1, the only level a one-step sampler draws from.", DefaultValueFactory = _ => 0.15 };
    private readonly Option<double> _copies = new("--copy-share") { Description = "Share of samples whose context holds the target's own view (or one within 0.1 m and 5°).", DefaultValueFactory = _ => 0.15 };
    private readonly Option<double> _startShare = new("--start-share") { Description = "Share of trajectory samples that begin an episode as the environment does: the start view and the views turned on the spot as context, the target one to four actions on.", DefaultValueFactory = _ => 0.0 };
    private readonly Option<double> _selfForcing = new("--self-forcing") { Description = "Share of batches whose last context view is the model's own frame, marked generated (0 turns it off).", DefaultValueFactory = _ => 0.25 };
    private readonly Option<long> _selfForcingFrom = new("--self-forcing-from") { Description = "First step at which self-forcing applies.", DefaultValueFactory = _ => 1_000 };
    private readonly Option<int> _selfForcingChain = new("--self-forcing-chain") { Description = "Context views a self-forced batch draws, each from the views before it (1: only the last view, from the others).", DefaultValueFactory = _ => 1 };
    private readonly Option<double> _degrade = new("--degrade-context") { Description = "Share of context views blurred and faded as a long rollout's frames are, and marked generated (0 turns it off).", DefaultValueFactory = _ => 0.0 };
    private readonly Option<int?> _rayRope = new("--ray-rope") { Description = "Frequencies of the ray-direction rotary attention (0 turns it off). Default: the preset's." };
    private readonly Option<double> _copyReading = new("--copy-reading-weight") { Description = "Weight of the copy path's own loss (its reading against the target colour).", DefaultValueFactory = _ => 1.0 };
    private readonly Option<double> _copyCorrespondence = new("--copy-correspondence-weight") { Description = "Weight of the copy path's correspondence loss: attention on the windows where the ground-truth geometry says each target patch is seen (0 turns it off).", DefaultValueFactory = _ => 0.0 };
    private readonly Option<bool> _copyReproject = new("--copy-reproject") { Description = "The copy path's query looks from each context camera towards the target surface, placed by the model's own depth (needs --copy-stride)." };
    private readonly Option<bool> _contextDepth = new("--context-depth") { Description = "Context frames give the network their depth beside their colour (the renderer's, or the model's own for frames it drew); starts at no effect, so --init keeps what a checkpoint draws." };
    private readonly Option<bool> _copyReadsDepth = new("--copy-reads-depth") { Description = "The copy path reads the context's depth beside its colour, mixes it into the drawn depth, and reads again from the surface it places (needs --copy-stride and --context-depth)." };
    private readonly Option<bool> _copyDepthInView = new("--copy-depth-in-target-view") { Description = "The copy path reads depth as the target's camera sees it: each window holds the world points its pixels see, and the depth read is the average point's distance along the target's axis (needs --copy-reads-depth and --copy-reproject)." };
    private readonly Option<bool> _copyReadsDrawnDepth = new("--copy-reads-drawn-depth") { Description = "The copy path also reads the depth of frames the model drew, not only measured depth (needs --copy-reads-depth)." };
    private readonly Option<bool> _copyGateOpen = new("--copy-gate-open") { Description = "Start with the copy path's gate fully open (after --init; not on --resume): training learns where the network should draw instead of the reading." };
    private readonly Option<int?> _copyStride = new("--copy-stride") { Description = "Pixels between the context windows the copy path reads (a divisor of the patch size; 0 turns the path off). Default: the preset's." };

    /// <summary>The options, in the order the help lists them.</summary>
    public IEnumerable<Option> All =>
    [
        _preset, _steps, _outDir, _device, _resume, _batch, _lr, _seed, _size, _every, _sampleEvery, _init, _weighting, _levels, _pureNoise, _copies, _startShare, _selfForcing, _selfForcingFrom, _selfForcingChain, _degrade, _rayRope, _copyStride, _copyReproject, _copyReading, _copyCorrespondence, _copyGateOpen, _contextDepth, _copyReadsDepth, _copyDepthInView, _copyReadsDrawnDepth,
    ];

    /// <summary>The training options the command line gives.</summary>
    /// <exception cref="RtfmGymException">A name (preset, device, weighting, levels) is unknown.</exception>
    public TrainOptions Read(ParseResult pr)
    {
        FrameModelConfig config = FrameModelConfig.FromPreset(pr.GetValue(_preset)!);
        if (pr.GetValue(_size) is { } s) config = config with { ImageSize = s };
        if (pr.GetValue(_rayRope) is { } r) config = config with { RayRopeFrequencies = r };
        if (pr.GetValue(_copyStride) is { } c) config = config with { PointerStride = c };
        if (pr.GetValue(_copyReproject)) config = config with { PointerReprojects = true };
        if (pr.GetValue(_contextDepth)) config = config with { ContextDepth = true };
        if (pr.GetValue(_copyReadsDepth)) config = config with { PointerReadsDepth = true };
        if (pr.GetValue(_copyDepthInView)) config = config with { PointerDepthInTargetView = true };
        if (pr.GetValue(_copyReadsDrawnDepth)) config = config with { PointerReadsDrawnDepth = true };
        return new TrainOptions
        {
            Model = config,
            OutputDirectory = pr.GetValue(_outDir)!,
            Steps = pr.GetValue(_steps),
            BatchSize = pr.GetValue(_batch),
            LearningRate = pr.GetValue(_lr),
            Seed = pr.GetValue(_seed),
            Device = ModelTrainCommand.ParseDevice(pr.GetValue(_device)!),
            Resume = pr.GetValue(_resume),
            CheckpointEvery = pr.GetValue(_every),
            SampleEvery = pr.GetValue(_sampleEvery),
            Machine = Machine.Describe(),
            Data = new TrainingDataOptions { ImageSize = config.ImageSize, Mix = TrainingDataOptions.MixWithCopies(pr.GetValue(_copies)), StartShare = pr.GetValue(_startShare) },
            InitFrom = pr.GetValue(_init),
            OpenCopyGate = pr.GetValue(_copyGateOpen),
            Objective = new TrainObjective
            {
                Weighting = Weighting(pr.GetValue(_weighting)!),
                Levels = Levels(pr.GetValue(_levels)!),
                PureNoiseShare = pr.GetValue(_pureNoise),
                SelfForcingShare = pr.GetValue(_selfForcing),
                SelfForcingFrom = pr.GetValue(_selfForcingFrom),
                SelfForcingChain = pr.GetValue(_selfForcingChain),
                DegradedContextShare = pr.GetValue(_degrade),
                CopyReadingWeight = pr.GetValue(_copyReading),
                CopyCorrespondenceWeight = pr.GetValue(_copyCorrespondence),
            },
        };
    }

    private static LossWeighting Weighting(string name) => name switch
    {
        "v-space" => LossWeighting.VSpace,
        "flat" => LossWeighting.Flat,
        _ => throw new RtfmGymException($"Unknown --weighting '{name}'; use v-space or flat."),
    };

    private static NoiseLevels Levels(string name) => name switch
    {
        "logit-normal" => NoiseLevels.LogitNormal,
        "uniform" => NoiseLevels.Uniform,
        _ => throw new RtfmGymException($"Unknown --levels '{name}'; use logit-normal or uniform."),
    };
}
