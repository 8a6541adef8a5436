using System.Text.Json;
using System.Text.Json.Serialization;
using RtfmGym.Env;
using RtfmGym.Env.IO;
using RtfmGym.Torch;

namespace RtfmGym.Agents.Learning;

/// <summary>
/// A trained policy on disk: <c>policy.json</c> (what it sees, its actions, how it was trained) and
/// <c>policy.safetensors</c> (its weights), what <c>--agent policy:DIR</c> loads. A training run keeps
/// the rest of its resumable state beside them in <c>train/</c>: the optimiser's moments and the rollouts
/// done. The weights and moments are written before <c>train/state.json</c> (atomically) says which
/// rollout they are of; a resumed run reads the weights from <c>policy.safetensors</c>.
/// </summary>
public static class PolicyCheckpoint
{
    /// <summary>The policy's description file.</summary>
    public const string DescriptionFile = "policy.json";

    /// <summary>The policy's weights file.</summary>
    public const string WeightsFile = "policy.safetensors";

    private const string Format = "rtfmgym-policy";
    private const string TrainDir = "train", OptimizerFile = "optimizer.safetensors", StateFile = "state.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>What <c>policy.json</c> holds.</summary>
    /// <param name="Format">Always "rtfmgym-policy".</param>
    /// <param name="Version">Format version (1).</param>
    /// <param name="Height">Image height the policy sees, pixels.</param>
    /// <param name="Width">Image width, pixels.</param>
    /// <param name="Depth">Whether it sees depth.</param>
    /// <param name="Goal">Whether it sees the goal vector.</param>
    /// <param name="Actions">Number of discrete actions.</param>
    /// <param name="ActionStart">The first action's value (Discrete's start).</param>
    /// <param name="Scenario">Scenario it was trained in.</param>
    /// <param name="Frames">Frame source it was trained on ("ground-truth", "model", ...).</param>
    /// <param name="Steps">Environment transitions trained.</param>
    /// <param name="Options">The run's hyperparameters.</param>
    public sealed record Description(string Format, int Version, int Height, int Width, bool Depth, bool Goal, int Actions, long ActionStart,
        string Scenario, string Frames, long Steps, PpoOptions Options);

    /// <summary>Writes the policy of <paramref name="learner"/> and its resumable state into <paramref name="directory"/>.</summary>
    public static void Save(string directory, PpoLearner learner, long actionStart, string scenario, string frames)
    {
        ArgumentNullException.ThrowIfNull(learner);
        string train = Path.Combine(directory, TrainDir);
        Directory.CreateDirectory(train);
        PolicyInputs i = learner.Network.Inputs;
        var description = new Description(Format, 1, i.Height, i.Width, i.HasDepth, i.HasGoal, learner.Network.Actions, actionStart, scenario, frames, learner.Steps, learner.Options);
        using (torch.NewDisposeScope())
            SafeTensors.Save(Path.Combine(train, OptimizerFile), learner.Optimizer.state_dict());
        learner.Network.save(Path.Combine(directory, WeightsFile));
        AtomicFile.WriteAllText(Path.Combine(train, StateFile), JsonSerializer.Serialize(new { rollouts = learner.RolloutsDone }, Json));
        AtomicFile.WriteAllText(Path.Combine(directory, DescriptionFile), JsonSerializer.Serialize(description, Json));
    }

    /// <summary>Folder of the stage copies inside a run's folder.</summary>
    public const string StagesDir = "stages";

    /// <summary>
    /// Copies the policy last saved in <paramref name="directory"/> to <c>stages/step-NNNNNNNNN</c> (its transitions so far), a
    /// folder that is itself a policy (<c>--agent policy:DIR/stages/step-...</c>): the stages of one run, for learning curves
    /// measured on held-out worlds and for ranking policies of different skill.
    /// </summary>
    /// <returns>The stage's folder.</returns>
    public static string SaveStage(string directory)
    {
        Description d = Read(directory);
        string stage = Path.Combine(directory, StagesDir, FormattableString.Invariant($"step-{d.Steps:D9}"));
        Directory.CreateDirectory(stage);
        AtomicFile.WriteAllBytes(Path.Combine(stage, WeightsFile), File.ReadAllBytes(Path.Combine(directory, WeightsFile)));
        AtomicFile.WriteAllBytes(Path.Combine(stage, DescriptionFile), File.ReadAllBytes(Path.Combine(directory, DescriptionFile)));
        return stage;
    }

    /// <summary>Puts the saved weights, optimiser state and rollout count of the run in <paramref name="directory"/> into <paramref name="learner"/>.</summary>
    /// <exception cref="RtfmGymException">Nothing to resume, the files are damaged, or they are of another policy shape.</exception>
    public static void Resume(string directory, PpoLearner learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        string train = Path.Combine(directory, TrainDir), state = Path.Combine(train, StateFile);
        if (!File.Exists(state))
            throw new RtfmGymException($"Nothing to resume in '{directory}': {TrainDir}/{StateFile} is missing. Start a new run without --resume.");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(state));
            long rollouts = doc.RootElement.GetProperty("rollouts").GetInt64();
            if (rollouts < 0) throw new InvalidDataException($"rollouts {rollouts}");
            learner.Network.load(Path.Combine(directory, WeightsFile));
            using (torch.NewDisposeScope())
            using (SafeTensorsFile file = SafeTensors.Load(Path.Combine(train, OptimizerFile)))
                learner.Optimizer.load_state_dict(file.Tensors);
            learner.RolloutsDone = rollouts;
            learner.Restart();
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException or KeyNotFoundException or InvalidOperationException or TorchException)
        {
            throw new RtfmGymException($"Cannot resume '{directory}': {e.Message}. Start a new run in another --out.");
        }
    }

    /// <summary>Reads <c>policy.json</c> of the policy in <paramref name="directory"/>.</summary>
    /// <exception cref="RtfmGymException">The folder holds no policy, or its description is damaged.</exception>
    public static Description Read(string directory)
    {
        string path = Path.Combine(directory, DescriptionFile);
        if (!File.Exists(path))
            throw new RtfmGymException($"'{directory}' holds no policy ({DescriptionFile} is missing); train one with `rtfmgym agent train --out {directory}`.");
        Description? d;
        try
        {
            d = JsonSerializer.Deserialize<Description>(System.Text.Encoding.UTF8.GetString(BoundedFile.ReadAllBytes(path, 1 << 20, "policy description")), Json);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            throw new RtfmGymException($"{path} is damaged ({e.Message}); train the policy again.");
        }
        if (d is null || d.Format != Format || d.Version != 1 || d.Actions < 2 || d.Options is null)
            throw new RtfmGymException($"{path} is not an RtfmGym policy description of version 1.");
        return d;
    }
}
