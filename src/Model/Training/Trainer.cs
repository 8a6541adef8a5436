using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RtfmGym.Env;
using RtfmGym.Env.IO;
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
    private const string StateDir = "train", LossCsv = "loss.csv", LatestFile = "latest";

    /// <summary>loss.csv's first four columns; runs begun before the loss's parts were logged have only these.</summary>
    private const string LegacyCsvHeader = "step,loss,learning_rate,seconds";
    private const string WeightsFile = "weights.safetensors", OptimizerFile = "optimizer.safetensors", AverageFile = "average.safetensors", StateFile = "state.json";

    /// <summary>A trainer with <paramref name="options"/>, validated here.</summary>
    /// <param name="options">Model preset, steps, batch, learning rate, output folder and device.</param>
    public Trainer(TrainOptions options) => Options = options.Validate();

    /// <summary>The validated options the trainer runs with.</summary>
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
        if (resumed is null && Options.OpenCopyGate) train.OpenCopyGate();
        using var optimizer = new optim.AdamW(train.Network.parameters(), Options.LearningRate, weightDecay: 0.01);
        var schedule = new optim.WarmupCosineSchedule(optimizer, Math.Min(Options.WarmupSteps, Options.Steps), Options.Steps, Options.LearningRate / 10);
        using var ema = new optim.ExponentialMovingAverage(train.Network, Options.EmaDecay);
        long step = 0;
        double seconds = 0, loss = double.NaN;
        if (resumed is not null)
        {
            RestoreState(outDir, train.Network, optimizer, ema, resumed.Step);
            (step, seconds, loss) = (resumed.Step, resumed.Seconds, resumed.Loss);
        }
        else
        {
            File.WriteAllText(Path.Combine(outDir, LossCsv), $"{LegacyCsvHeader},{LossTerms.CsvColumns}\n");
        }
        // A run begun before the loss's parts were logged goes on without them, so its rows keep one shape.
        bool logTerms = LossCsvHasTerms(outDir);

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
            string[] terms;
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                // Noise and levels per step from the seed, so a resumed run draws exactly what the uninterrupted one would have.
                using var noise = torch.Generator(Rng.Derive(Options.Seed, $"noise {step}").NextUInt64());
                using var selfNoise = torch.Generator(Rng.Derive(Options.Seed, $"self-forcing noise {step}").NextUInt64());
                var (context, generated, contextDepth) = SelfForcing.Prepare(train.Network, config, batch, Options.Objective, step,
                    Rng.Derive(Options.Seed, $"self-forcing {step}"), selfNoise, Options.Device);
                LossTerms l = FlowMatchingLoss.Compute(train.Network, config, batch, context, generated, contextDepth, Options.Objective,
                    Rng.Derive(Options.Seed, $"levels {step}"), noise, Options.Device);
                l.Total.backward();
                nn.utils.clip_grad_norm_(train.Network.parameters(), 1.0);
                optimizer.step();
                value = l.Total.item<float>();
                terms = logTerms ? l.CsvCells() : [];
            }
            ema.update();
            step++;
            if (!double.IsFinite(value))
                throw new RtfmGymException($"Training diverged at step {step} (loss {value}); lower --lr or resume from the last checkpoint.");
            loss = double.IsNaN(loss) ? value : 0.98 * loss + 0.02 * value;
            seconds = startSeconds + clock.Elapsed.TotalSeconds;
            string row = string.Create(CultureInfo.InvariantCulture, $"{step},{value:G6},{optimizer.lr:G4},{seconds:F1}");
            csv.Add(logTerms ? row + "," + string.Join(',', terms) : row);
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
        Task.Run(() => TrainingBatch.Build(data.Batch(step, Options.BatchSize), config, Rng.Derive(Options.Seed ^ (ulong)step, "augment"), Options.Objective.DegradedContextShare));

    private TrainingSummary Summary(long step, double loss, double seconds) =>
        new(step, loss, Math.Round(seconds, 1), Options.BatchSize, Options.Device.ToString(), Options.Machine);

    private void Save(string outDir, long step, double seconds, double loss, FrameModel train, FrameModel average, optim.AdamW optimizer,
        optim.ExponentialMovingAverage ema, FrameModelConfig config, List<string> csv)
    {
        // One checkpoint is one folder, written whole before the pointer to it is switched (an atomic rename):
        // a kill at any moment leaves the pointer at a complete earlier folder, so weights, moments, average and
        // state always come from the same step.
        string root = Path.Combine(outDir, StateDir), name = $"step-{step:000000000}", folder = Path.Combine(root, name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        ModelCheckpoint.SaveWeights(train.Network, Path.Combine(folder, WeightsFile), config);
        using (NewDisposeScope())
            SafeTensors.Save(Path.Combine(folder, OptimizerFile), optimizer.state_dict());
        ema.copy_to(average.Network);
        ModelCheckpoint.SaveWeights(average.Network, Path.Combine(folder, AverageFile), config);
        AtomicFile.WriteAllText(Path.Combine(folder, StateFile),
            JsonSerializer.Serialize(new TrainerState(step, seconds, loss, Options.Seed, Options.BatchSize), ModelCheckpoint.Json));
        File.AppendAllLines(Path.Combine(outDir, LossCsv), csv);
        csv.Clear();
        AtomicFile.WriteAllText(Path.Combine(root, LatestFile), name);
        foreach (string stale in Directory.EnumerateDirectories(root, "step-*").Where(d => Path.GetFileName(d) != name).ToArray())
            Directory.Delete(stale, recursive: true);
        ModelCheckpoint.Save(average, outDir, Summary(step, loss, seconds));
        Checkpointed?.Invoke(outDir, step, average);
    }

    /// <summary>
    /// The folder holding the resumable state of the run in <paramref name="outDir"/>: the one train/latest names, or
    /// train/ itself for runs written before checkpoints were folders; null when there is none.
    /// </summary>
    public static string? StateFolder(string outDir)
    {
        string root = Path.Combine(outDir, StateDir), pointer = Path.Combine(root, LatestFile);
        if (File.Exists(pointer))
        {
            string name = File.ReadAllText(pointer).Trim();
            if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name.Contains(".."))
                throw new RtfmGymException($"{pointer} names no checkpoint folder ('{name}'); the run's state is damaged. Start a new run in another --out, or warm-start one from it with --init {outDir}.");
            return Path.Combine(root, name);
        }
        return File.Exists(Path.Combine(root, StateFile)) ? root : null;
    }

    private TrainerState LoadState(string outDir, ref FrameModelConfig config)
    {
        string? folder = StateFolder(outDir);
        if (folder is null)
            throw new RtfmGymException($"Nothing to resume in '{outDir}': {StateDir}/{LatestFile} and {StateDir}/{StateFile} are missing. Start a new run without --resume.");
        string statePath = Path.Combine(folder, StateFile);
        var (saved, _) = ModelCheckpoint.ReadConfig(outDir);
        if (Options.Model.Preset != "custom" && saved.Preset != Options.Model.Preset)
            throw new RtfmGymException($"'{outDir}' holds a '{saved.Preset}' model; resume it with --preset {saved.Preset}.");
        config = saved;
        TrainerState state;
        try
        {
            state = JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(statePath), ModelCheckpoint.Json)
                ?? throw new JsonException("the document is null");
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            throw Damaged(outDir, statePath, e.Message);
        }
        if (state.Step < 0 || !double.IsFinite(state.Seconds))
            throw Damaged(outDir, statePath, $"step {state.Step}, seconds {state.Seconds}");
        if (state.Seed != Options.Seed || state.BatchSize != Options.BatchSize)
            throw new RtfmGymException($"'{outDir}' was trained with seed {state.Seed} and batch {state.BatchSize}; resume with the same --seed and --batch.");
        return state;
    }

    private void RestoreState(string outDir, FrameTransformer network, optim.AdamW optimizer, optim.ExponentialMovingAverage ema, long step)
    {
        string folder = StateFolder(outDir)!;
        bool legacy = folder == Path.Combine(outDir, StateDir);
        string weights = Path.Combine(folder, WeightsFile), moments = Path.Combine(folder, OptimizerFile);
        string averagePath = legacy ? Path.Combine(outDir, ModelCheckpoint.WeightsFile) : Path.Combine(folder, AverageFile);
        string current = weights;
        try
        {
            ModelCheckpoint.LoadWeights(network, weights);
            using var scope = NewDisposeScope();
            current = moments;
            using (SafeTensorsFile file = SafeTensors.Load(moments))
                optimizer.load_state_dict(file.Tensors);
            current = averagePath;
            using SafeTensorsFile averaged = SafeTensors.Load(averagePath);
            using (no_grad())
                foreach (var (name, shadow) in ema.Shadow)
                {
                    if (!averaged.Tensors.TryGetValue(name, out Tensor? value)) throw new InvalidDataException($"'{name}' is missing");
                    shadow.copy_(value);
                }
        }
        catch (Exception e) when (e is TorchException or IOException or InvalidDataException or ArgumentException or KeyNotFoundException)
        {
            throw Damaged(outDir, current, e.Message);
        }
        TrimLossCsv(outDir, step);
    }

    /// <summary>Keeps loss.csv's rows up to the resumed step: rows written after the last complete checkpoint, or a torn last line, go.</summary>
    private static void TrimLossCsv(string outDir, long step)
    {
        string path = Path.Combine(outDir, LossCsv);
        if (!File.Exists(path)) return;
        string[] lines = File.ReadAllLines(path);
        int columns = lines.Length == 0 ? 4 : lines[0].Split(',').Length;
        var kept = lines.Take(1).Concat(lines.Skip(1).Where(l =>
        {
            string[] cells = l.Split(',');
            return cells.Length == columns && long.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long s) && s <= step;
        })).ToArray();
        if (kept.Length != lines.Length) AtomicFile.WriteAllText(path, string.Join('\n', kept) + "\n");
    }

    /// <summary>Whether <paramref name="outDir"/>'s loss.csv has the columns of the loss's parts.</summary>
    private static bool LossCsvHasTerms(string outDir)
    {
        string path = Path.Combine(outDir, LossCsv);
        return !File.Exists(path) || File.ReadLines(path).FirstOrDefault() is not { } header || header.Split(',').Length > LegacyCsvHeader.Split(',').Length;
    }

    private static RtfmGymException Damaged(string outDir, string file, string detail) =>
        new($"Cannot resume '{outDir}': {file} is damaged ({detail}). Start a new run in another --out, or warm-start one from the last usable weights with --init {outDir}.");
}
