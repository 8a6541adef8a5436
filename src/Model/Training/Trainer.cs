using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RtfmGym.Env;
using RtfmGym.Env.Imaging;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Network;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Training;

/// <summary>
/// Trains a frame model on samples rendered on the fly (<see cref="TrainingDataGenerator"/>), the
/// next batch rendered while the current step runs. Every <see cref="TrainOptions.CheckpointEvery"/>
/// steps, and when cancelled, it writes a usable checkpoint (the weight average for generation,
/// plus the raw weights, optimiser moments and state in train/ for resuming), appends to
/// loss.csv and calls <see cref="Checkpointed"/> (for pictures).
/// </summary>
public sealed class Trainer
{
    private const string StateDir = "train", LossCsv = "loss.csv";

    public Trainer(TrainOptions options) => Options = options.Validate();

    public TrainOptions Options { get; }

    /// <summary>Called after each checkpoint with the output directory, the step and the model holding the averaged weights.</summary>
    public event Action<string, long, FrameModel>? Checkpointed;

    /// <summary>Called every <see cref="TrainOptions.SampleEvery"/> steps and at the end with the averaged model, for sample grids.</summary>
    public event Action<string, long, FrameModel>? Sampling;

    /// <summary>Runs to <see cref="TrainOptions.Steps"/> or until <paramref name="cancel"/> fires; either way the last state is saved.</summary>
    /// <returns>The summary written into the final checkpoint.</returns>
    public TrainingSummary Run(IProgress<TrainProgress>? progress = null, CancellationToken cancel = default)
    {
        string outDir = Options.OutputDirectory;
        Directory.CreateDirectory(Path.Combine(outDir, StateDir));
        FrameModelConfig config = Options.Model;
        TrainerState? resumed = Options.Resume ? LoadState(outDir, ref config) : null;
        if (!Options.Resume && File.Exists(Path.Combine(outDir, ModelCheckpoint.ConfigFile)))
            throw new RtfmGymException($"'{outDir}' already holds a checkpoint; pass --resume to continue it or choose another --out.");

        using var train = FrameModel.Create(config, Options.Seed, Options.Device);
        using var average = FrameModel.Create(config, Options.Seed, Options.Device);
        if (resumed is null && Options.InitFrom is { } init) WarmStart(train, init);
        using var optimizer = new optim.AdamW(train.Network.parameters(), Options.LearningRate, weightDecay: 0.01);
        var schedule = new optim.WarmupCosineSchedule(optimizer, Math.Min(Options.WarmupSteps, Options.Steps), Options.Steps, Options.LearningRate / 10);
        using var ema = new optim.ExponentialMovingAverage(train.Network, Options.EmaDecay);
        long step = 0;
        double seconds = 0, loss = double.NaN;
        if (resumed is not null)
        {
            RestoreState(outDir, train.Network, optimizer, ema);
            (step, seconds, loss) = (resumed.Step, resumed.Seconds, resumed.Loss);
        }
        else
        {
            File.WriteAllText(Path.Combine(outDir, LossCsv), "step,loss,learning_rate,seconds\n");
        }

        var data = new TrainingDataGenerator(Options.Data with { ImageSize = config.ImageSize }, Options.Seed);
        var clock = Stopwatch.StartNew();
        double startSeconds = seconds;
        long startStep = step;
        Task<TrainingBatch> next = Prepare(data, step, config);
        var csv = new List<string>();
        long saved = step;
        train.Network.train();
        while (step < Options.Steps && !cancel.IsCancellationRequested)
        {
            TrainingBatch batch = next.GetAwaiter().GetResult();
            if (step + 1 < Options.Steps) next = Prepare(data, step + 1, config);
            optimizer.lr = schedule.LearningRate(step);
            double value;
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                // Noise and levels per step from the seed, so a resumed run draws exactly what the uninterrupted one would have.
                using var noise = torch.Generator(Rng.Derive(Options.Seed, $"noise {step}").NextUInt64());
                using var selfNoise = torch.Generator(Rng.Derive(Options.Seed, $"self-forcing noise {step}").NextUInt64());
                var (context, generated) = SelfForcing.Prepare(train.Network, config, batch, Options.Objective, step,
                    Rng.Derive(Options.Seed, $"self-forcing {step}"), selfNoise, Options.Device);
                Tensor l = FlowMatchingLoss.Compute(train.Network, config, batch, context, generated, Options.Objective,
                    Rng.Derive(Options.Seed, $"levels {step}"), noise, Options.Device);
                l.backward();
                nn.utils.clip_grad_norm_(train.Network.parameters(), 1.0);
                optimizer.step();
                value = l.item<float>();
            }
            ema.update();
            step++;
            if (!double.IsFinite(value))
                throw new RtfmGymException($"Training diverged at step {step} (loss {value}); lower --lr or resume from the last checkpoint.");
            loss = double.IsNaN(loss) ? value : 0.98 * loss + 0.02 * value;
            seconds = startSeconds + clock.Elapsed.TotalSeconds;
            csv.Add(string.Create(CultureInfo.InvariantCulture, $"{step},{value:G6},{optimizer.lr:G4},{seconds:F1}"));
            double rate = (step - startStep) / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
            progress?.Report(new TrainProgress(step, Options.Steps, loss, rate, TimeSpan.FromSeconds((Options.Steps - step) / Math.Max(rate, 1e-9)), optimizer.lr));
            if (step % Options.CheckpointEvery == 0 || step == Options.Steps)
            {
                Save(outDir, step, seconds, loss, train, average, optimizer, ema, config, csv);
                saved = step;
            }
            if (step % Options.SampleEvery == 0 && Sampling is { } sampling)
            {
                ema.copy_to(average.Network);
                sampling(outDir, step, average);
            }
        }
        if (saved != step)
            Save(outDir, step, seconds, loss, train, average, optimizer, ema, config, csv);
        try { next.Wait(); } catch (AggregateException) { /* a prefetch cut short by the end of the run */ }
        return Summary(step, loss, seconds);
    }

    /// <summary>
    /// Copies every weight of the checkpoint in <paramref name="directory"/> that this model also has (same
    /// name and shape); the rest keep their initial values. Settings the two configs must share are checked.
    /// </summary>
    private static void WarmStart(FrameModel model, string directory)
    {
        var (source, _) = ModelCheckpoint.ReadConfig(directory);
        FrameModelConfig c = model.Config;
        if (source.Width != c.Width || source.Depth != c.Depth || source.Heads != c.Heads || source.MlpRatio != c.MlpRatio || source.PatchSize != c.PatchSize
            || source.PositionScale != c.PositionScale || source.DepthScale != c.DepthScale)
            throw new RtfmGymException($"Cannot warm-start from '{directory}': its model is {source.Width} wide, {source.Depth} blocks, {source.Heads} heads, patch {source.PatchSize}, and this run's is {c.Width}, {c.Depth}, {c.Heads}, patch {c.PatchSize} (scales must match too). Choose the matching --preset or start afresh.");
        try
        {
            model.Network.load(Path.Combine(directory, ModelCheckpoint.WeightsFile), strict: false);
        }
        catch (Exception e) when (e is TorchException or IOException or InvalidDataException)
        {
            throw new RtfmGymException($"Cannot warm-start from '{directory}': {e.Message}");
        }
    }

    private Task<TrainingBatch> Prepare(TrainingDataGenerator data, long step, FrameModelConfig config) =>
        Task.Run(() => TrainingBatch.Build(data.Batch(step, Options.BatchSize), config, Rng.Derive(Options.Seed ^ (ulong)step, "augment")));

    private TrainingSummary Summary(long step, double loss, double seconds) =>
        new(step, loss, Math.Round(seconds, 1), Options.BatchSize, Options.Device.ToString(), Options.Machine);

    private void Save(string outDir, long step, double seconds, double loss, FrameModel train, FrameModel average, optim.AdamW optimizer,
        optim.ExponentialMovingAverage ema, FrameModelConfig config, List<string> csv)
    {
        string state = Path.Combine(outDir, StateDir);
        ModelCheckpoint.SaveWeights(train.Network, Path.Combine(state, "weights.safetensors"), config);
        using (NewDisposeScope())
            SafeTensors.Save(Path.Combine(state, "optimizer.safetensors"), optimizer.state_dict());
        AtomicFile.WriteAllText(Path.Combine(state, "state.json"),
            JsonSerializer.Serialize(new TrainerState(step, seconds, loss, Options.Seed, Options.BatchSize), ModelCheckpoint.Json));
        ema.copy_to(average.Network);
        ModelCheckpoint.Save(average, outDir, Summary(step, loss, seconds));
        File.AppendAllLines(Path.Combine(outDir, LossCsv), csv);
        csv.Clear();
        Checkpointed?.Invoke(outDir, step, average);
    }

    private TrainerState LoadState(string outDir, ref FrameModelConfig config)
    {
        string statePath = Path.Combine(outDir, StateDir, "state.json");
        if (!File.Exists(statePath))
            throw new RtfmGymException($"Nothing to resume in '{outDir}': {StateDir}/state.json is missing. Start a new run without --resume.");
        var (saved, _) = ModelCheckpoint.ReadConfig(outDir);
        if (Options.Model.Preset != "custom" && saved.Preset != Options.Model.Preset)
            throw new RtfmGymException($"'{outDir}' holds a '{saved.Preset}' model; resume it with --preset {saved.Preset}.");
        config = saved;
        TrainerState state = JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(statePath), ModelCheckpoint.Json)
            ?? throw new RtfmGymException($"{statePath} is empty.");
        if (state.Seed != Options.Seed || state.BatchSize != Options.BatchSize)
            throw new RtfmGymException($"'{outDir}' was trained with seed {state.Seed} and batch {state.BatchSize}; resume with the same --seed and --batch.");
        return state;
    }

    private static void RestoreState(string outDir, FrameTransformer network, optim.AdamW optimizer, optim.ExponentialMovingAverage ema)
    {
        string state = Path.Combine(outDir, StateDir);
        ModelCheckpoint.LoadWeights(network, Path.Combine(state, "weights.safetensors"));
        using var scope = NewDisposeScope();
        using (SafeTensorsFile moments = SafeTensors.Load(Path.Combine(state, "optimizer.safetensors")))
            optimizer.load_state_dict(moments.Tensors);
        using SafeTensorsFile averaged = SafeTensors.Load(Path.Combine(outDir, ModelCheckpoint.WeightsFile));
        using (no_grad())
            foreach (var (name, shadow) in ema.Shadow) shadow.copy_(averaged.Tensors[name]);
    }
}
