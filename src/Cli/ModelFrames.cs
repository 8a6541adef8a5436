using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Frames;
using RtfmGym.Torch;

namespace RtfmGym.Cli;

/// <summary>
/// Makes the learned frame model available as the frame source named "model" (what
/// <c>--frames model</c> and scenarios with <c>frames: model</c> ask for, and what <c>rtfmgym run</c>
/// uses by default): <see cref="Components"/> is the CLI's composition root for environments. The
/// checkpoint is the shipped <c>models/small</c> unless a command's <c>--checkpoint</c> names another.
/// </summary>
internal static class ModelFrames
{
    /// <summary>The frame source name.</summary>
    public const string SourceName = "model";

    /// <summary>The shipped checkpoint, relative to the repository.</summary>
    public const string ShippedCheckpoint = "models/small";

    /// <summary>
    /// The shipped checkpoint's directory: $RTFMGYM_HOME/models/small, else the first models/small found
    /// walking up from the program, else models/small under the current directory.
    /// </summary>
    public static string DefaultCheckpoint()
    {
        string? home = Environment.GetEnvironmentVariable("RTFMGYM_HOME");
        if (home is not null && Directory.Exists(Path.Combine(home, ShippedCheckpoint))) return Path.Combine(home, ShippedCheckpoint);
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, ShippedCheckpoint);
            if (File.Exists(Path.Combine(candidate, ModelCheckpoint.ConfigFile))) return candidate;
        }
        return Path.GetFullPath(ShippedCheckpoint);
    }

    /// <summary>
    /// The libtorch thread count for drawing with the model: <paramref name="requested"/> if given, else
    /// $RTFMGYM_TORCH_THREADS if set, else 1. One frame's products are small: more threads gain little and,
    /// on shared cores, OpenMP's spinning made generation 5 to 12 times slower (BENCHMARKS.md, docs/model.md).
    /// </summary>
    /// <exception cref="ArgumentException">The requested count is below 1.</exception>
    public static int ThreadCount(int? requested)
    {
        if (requested is < 1) throw new ArgumentException($"--threads must be at least 1, not {requested}.");
        return requested ?? (Environment.GetEnvironmentVariable(torch.ThreadsVariable) is null ? 1 : torch.DefaultThreadCount());
    }

    /// <summary>
    /// What the CLI's environments are made from: Env's built-in components plus frame source "model" loaded
    /// from <paramref name="checkpointDir"/> (null: the shipped checkpoint, found when first used). An explicit
    /// directory is checked at once; the checkpoint's digest is computed once, when a record first needs it.
    /// </summary>
    /// <exception cref="RtfmGymException">The named checkpoint is missing or malformed.</exception>
    public static EnvironmentComponents Components(string? checkpointDir)
    {
        if (checkpointDir is not null) ModelCheckpoint.ReadConfig(checkpointDir);
        var digest = new Lazy<string>(() => CheckpointDigest(checkpointDir ?? DefaultCheckpoint()));
        FrameSourceRegistry sources = FrameSourceRegistry.BuiltIn.With(SourceName, _ =>
        {
            torch.set_num_threads(ThreadCount(null));
            return new ModelFrameSource(ModelCheckpoint.Load(checkpointDir ?? DefaultCheckpoint()), ownsModel: true);
        }, () => digest.Value);
        return EnvironmentComponents.BuiltIn with { FrameSources = sources };
    }

    /// <summary>
    /// "sha256:" and the SHA-256 over the checkpoint's configuration and weights (each file's name, length and bytes):
    /// what decides the frames the model draws, so episode records can tell one checkpoint from another.
    /// </summary>
    /// <exception cref="RtfmGymException">A checkpoint file cannot be read.</exception>
    public static string CheckpointDigest(string checkpointDir)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (string name in new[] { ModelCheckpoint.ConfigFile, ModelCheckpoint.WeightsFile })
        {
            string path = Path.Combine(checkpointDir, name);
            try
            {
                using var file = File.OpenRead(path);
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}\n{file.Length}\n"));
                byte[] buffer = new byte[1 << 20];
                int n;
                while ((n = file.Read(buffer)) > 0) hash.AppendData(buffer, 0, n);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RtfmGymException($"Checkpoint file '{path}' cannot be read for its digest: {e.Message}", e);
            }
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
