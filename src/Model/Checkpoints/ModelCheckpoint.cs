using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Env;
using RtfmGym.Env.IO;
using RtfmGym.Model.Network;
using RtfmGym.Torch;

namespace RtfmGym.Model.Checkpoints;

/// <summary>
/// A frame-model checkpoint is a directory with <c>model.safetensors</c> (the weights used for
/// generation) and <c>config.json</c> (format tag and version, the <see cref="FrameModelConfig"/> and a
/// <see cref="TrainingSummary"/>). Both are written to a temporary name and renamed, config last, so a
/// directory with a config always has its weights. A missing or mismatched checkpoint is a
/// <see cref="RtfmGymException"/> that names the file and what to do.
/// </summary>
public static class ModelCheckpoint
{
    /// <summary>The format tag in config.json.</summary>
    public const string Format = "rtfmgym-frame-model";

    /// <summary>The format version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>File names inside a checkpoint directory.</summary>
    public const string WeightsFile = "model.safetensors", ConfigFile = "config.json";

    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Saves <paramref name="model"/> into <paramref name="directory"/> (created if needed).</summary>
    public static void Save(FrameModel model, string directory, TrainingSummary? training)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(directory);
        SaveWeights(model.Network, Path.Combine(directory, WeightsFile), model.Config);
        var doc = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["config"] = JsonSerializer.SerializeToNode(model.Config, Json),
            ["training"] = training is null ? null : JsonSerializer.SerializeToNode(training, Json),
        };
        AtomicFile.WriteAllText(Path.Combine(directory, ConfigFile), doc.ToJsonString(Json));
    }

    /// <summary>Saves a network's weights with the preset in the safetensors metadata (safetensors files are written atomically).</summary>
    internal static void SaveWeights(torch.nn.Module network, string path, FrameModelConfig config) =>
        network.save(path, new Dictionary<string, string> { ["format"] = Format, ["preset"] = config.Preset });

    /// <summary>Reads the config and training summary of a checkpoint without loading its weights.</summary>
    /// <exception cref="RtfmGymException">The directory or its config is missing, unreadable or of another format.</exception>
    public static (FrameModelConfig Config, TrainingSummary? Training) ReadConfig(string directory)
    {
        string configPath = Path.Combine(directory, ConfigFile);
        if (!Directory.Exists(directory))
            throw new RtfmGymException($"No frame-model checkpoint at '{directory}': the directory does not exist. Train one with `rtfmgym model train --out {directory}` or pass the shipped models/small.");
        if (!File.Exists(configPath))
            throw new RtfmGymException($"'{directory}' is not a frame-model checkpoint: {ConfigFile} is missing (a checkpoint holds {ConfigFile} and {WeightsFile}).");
        try
        {
            JsonNode root = JsonNode.Parse(File.ReadAllText(configPath)) ?? throw new JsonException("empty document");
            if ((string?)root["format"] != Format)
                throw new RtfmGymException($"{configPath} is not a frame-model config (format '{(string?)root["format"]}', expected '{Format}').");
            int version = (int?)root["version"] ?? -1;
            if (version != Version)
                throw new RtfmGymException($"{configPath} has format version {version}; this build reads version {Version}. Retrain or use a matching build.");
            FrameModelConfig config = (root["config"] ?? throw new JsonException("no 'config' object")).Deserialize<FrameModelConfig>(Json)
                ?? throw new JsonException("'config' is null");
            config.Validate();
            TrainingSummary? training = root["training"]?.Deserialize<TrainingSummary>(Json);
            return (config, training);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new RtfmGymException($"{configPath} is malformed: {e.Message}. Re-save the checkpoint or retrain.");
        }
    }

    /// <summary>Loads a checkpoint for generation.</summary>
    /// <exception cref="RtfmGymException">Missing files, another format, or weights that do not fit the config.</exception>
    public static FrameModel Load(string directory, Device? device = null)
    {
        var (config, _) = ReadConfig(directory);
        string weights = Path.Combine(directory, WeightsFile);
        if (!File.Exists(weights))
            throw new RtfmGymException($"'{directory}' has a {ConfigFile} but no {WeightsFile}; the checkpoint is incomplete. Copy it again or retrain.");
        FrameModel model = FrameModel.Create(config, 0, device);
        try
        {
            LoadWeights(model.Network, weights);
        }
        catch (Exception e) when (e is TorchException or IOException or InvalidDataException)
        {
            model.Dispose();
            throw new RtfmGymException($"{weights} does not fit its config ({config.Preset}, width {config.Width}, depth {config.Depth}): {e.Message}");
        }
        if (model.Network.named_parameters().FirstOrDefault(p => !AllFinite(p.Item2)) is { Item1: { } bad })
        {
            model.Dispose();
            throw new RtfmGymException($"{weights} holds non-finite values (NaN or infinity) in '{bad}': the training that wrote it diverged. Use an earlier checkpoint or retrain.");
        }
        model.Network.eval();
        return model;
    }

    private static bool AllFinite(Tensor t)
    {
        foreach (float v in t.detach().cpu().contiguous().ToArray<float>())
            if (!float.IsFinite(v)) return false;
        return true;
    }

    internal static void LoadWeights(FrameTransformer network, string path) => network.load(path, strict: true);

}
