using RtfmGym.Env.Frames;

namespace RtfmGym.Env.Episodes;

/// <summary>Collects an <see cref="EpisodeRecord"/> while an episode of an <see cref="RtfmEnvironment"/> runs: call <see cref="Begin"/> after reset and <see cref="Add"/> after every step.</summary>
public sealed class EpisodeRecorder
{
    private readonly RtfmEnvironment _env;
    private readonly List<RecordedStep> _steps = new();
    private string? _resetChecksum;
    private float[]? _resetPose;
    private IReadOnlyDictionary<string, object>? _options;

    /// <summary>A recorder for episodes of <paramref name="env"/>.</summary>
    /// <param name="env">The environment whose episodes are recorded; its pose and last frame are read after each call.</param>
    public EpisodeRecorder(RtfmEnvironment env) => _env = env ?? throw new ArgumentNullException(nameof(env));

    /// <summary>The memory file preloaded into the environment (<see cref="RtfmEnvironment.PreloadMemory"/>), or null; replay needs it.</summary>
    public PreloadedMemoryFile? MemoryIn { get; init; }

    /// <summary>Starts recording the episode that the last reset began.</summary>
    public void Begin(IReadOnlyDictionary<string, object>? resetOptions = null)
    {
        _steps.Clear();
        _options = resetOptions;
        _resetChecksum = Checksum();
        _resetPose = _env.Pose.ToArray();
    }

    /// <summary>Records a step taken with <paramref name="action"/>.</summary>
    public void Add(object action, StepResult result)
    {
        if (_resetChecksum is null) throw new InvalidOperationException("Call Begin after Reset first.");
        _steps.Add(new RecordedStep(action, result.Reward, result.Terminated, result.Truncated, _env.Pose.ToArray(), Checksum(),
            InfoKeys.Collided.ReadOr(result.Info, false)));
    }

    /// <summary>
    /// The record so far, with the end-of-episode figures in <paramref name="summary"/> (see <see cref="EpisodeSummary"/>).
    /// A record whose last step neither terminates nor truncates is marked <see cref="EpisodeRecord.Interrupted"/>.
    /// </summary>
    public EpisodeRecord Build(IReadOnlyDictionary<string, double>? summary = null) => new()
    {
        ScenarioName = _env.Scenario.Name,
        ScenarioText = _env.Scenario.Text,
        ScenarioSource = _env.Scenario.Source,
        FrameSource = _env.FrameSourceName,
        FrameSourceDigest = _env.FrameSourceDigest,
        Seed = _env.EpisodeSeed,
        WorldSeed = _env.World.Seed,
        Start = _env.Scenario.Start,
        Goal = _env.Scenario.Task.Goal,
        MemoryIn = MemoryIn,
        StartImages = _env.StartImages,
        Interrupted = _steps.Count == 0 || !(_steps[^1].Terminated || _steps[^1].Truncated),
        ResetOptions = _options,
        ResetChecksum = _resetChecksum ?? throw new InvalidOperationException("Call Begin after Reset first."),
        ResetPose = _resetPose!,
        Steps = _steps.ToArray(),
        Summary = summary ?? new Dictionary<string, double>(),
    };

    private string Checksum() => (_env.LastFrame ?? throw new InvalidOperationException("The environment has no frame yet.")).Checksum();
}
