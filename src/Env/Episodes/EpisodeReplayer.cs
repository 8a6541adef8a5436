using RtfmGym.Env.Frames;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Episodes;

/// <summary>
/// Re-runs a recorded episode and checks it bit for bit: the reset frame, then every step's
/// frame checksum, reward, flags and pose, then that the episode ended where the record does
/// and that its summary figures are the record's. The first difference throws
/// <see cref="ReplayMismatchException"/> naming the step (0 = the reset frame).
/// </summary>
public static class EpisodeReplayer
{
    /// <summary>Replays <paramref name="record"/> in the episode it describes (world seed, start, goal, preloaded memory).</summary>
    /// <param name="record">The record to check.</param>
    /// <param name="frames">An explicit frame source, or null to create the recorded one.</param>
    /// <param name="onStep">Called after each checked step (for progress bars), with the step number.</param>
    /// <param name="memoryIn">The memory the episode started from, when the record has <see cref="EpisodeRecord.MemoryIn"/>
    /// (the caller loads the file and checks its digest).</param>
    /// <param name="components">Where the recorded frame source (by its name), task and sensors come from; default <see cref="EnvironmentComponents.BuiltIn"/>.</param>
    /// <exception cref="ReplayMismatchException">The replay differs from the record.</exception>
    /// <exception cref="RtfmGymException">The record needs a preloaded memory and none was given.</exception>
    public static ReplayReport Replay(EpisodeRecord record, IFrameSource? frames = null, Action<int>? onStep = null, SpatialMemory? memoryIn = null,
        EnvironmentComponents? components = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.MemoryIn is { } m && memoryIn is null)
            throw new RtfmGymException($"The episode started from the memory file '{m.Path}' (SHA-256 {m.Sha256[..16]}..., {m.Entries} entries); replay it with that file (`rtfmgym replay --memory-in FILE`).");
        using var env = new RtfmEnvironment(EpisodeScenario(record), frames, memoryIn is null ? null : new SpatialMemory(memoryIn.Options), components);
        if (memoryIn is not null) env.PreloadMemory(memoryIn);
        // The record's own copies: the scenario's images, or an upload the scenario text never named.
        if (record.StartImages.Count > 0) env.StartFromImages(record.StartImages);
        IReadOnlyDictionary<string, object?> lastInfo = env.Reset(record.Seed, record.ResetOptions).Info;
        Compare(0, "frame", record.ResetChecksum, env.LastFrame!.Checksum());
        ComparePose(0, record.ResetPose, env.Pose.ToArray());
        double total = 0;
        int collisions = 0;
        StepResult? last = null;
        for (int i = 0; i < record.Steps.Count; i++)
        {
            RecordedStep expected = record.Steps[i];
            StepResult r = env.Step(expected.Action);
            int step = i + 1;
            ComparePose(step, expected.Pose, env.Pose.ToArray());
            Compare(step, "frame", expected.Checksum, env.LastFrame!.Checksum());
            if (BitConverter.DoubleToInt64Bits(r.Reward) != BitConverter.DoubleToInt64Bits(expected.Reward))
                throw new ReplayMismatchException(step, "reward", expected.Reward.ToString("R"), r.Reward.ToString("R"));
            Compare(step, "terminated", expected.Terminated.ToString(), r.Terminated.ToString());
            Compare(step, "truncated", expected.Truncated.ToString(), r.Truncated.ToString());
            bool collided = InfoKeys.Collided.ReadOr(r.Info, false);
            // Version 1 records may lack the flag (it then reads false), so only later ones are held to it.
            if (record.FormatVersion >= 2) Compare(step, InfoKeys.Collided.Name, expected.Collided.ToString(), collided.ToString());
            if (collided) collisions++;
            total += r.Reward;
            last = r;
            lastInfo = r.Info;
            onStep?.Invoke(step);
        }
        int steps = record.Steps.Count;
        if (record.FormatVersion >= 2 && !record.Interrupted && !(last is { } end && (end.Terminated || end.Truncated)))
            throw new ReplayMismatchException(steps, "episode end", "the episode to end here (the record is not marked interrupted)", "it goes on: the record's last steps are missing");
        if (record.Summary.Count > 0)
            CompareSummary(steps, record.Summary, EpisodeSummary.FromLastInfo(steps, total, collisions, lastInfo), everyFigure: record.FormatVersion >= 2);
        return new ReplayReport(steps, total, env.FrameSourceName);
    }

    /// <summary>
    /// The scenario of the recorded episode: the embedded text with the recorded frame source and, from format 2, its seed, world seed,
    /// start and goal. Start images the text names are read from the record's embedded copies, never from files.
    /// </summary>
    public static Scenario EpisodeScenario(EpisodeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Scenario scenario = ScenarioLoader.Parse(record.ScenarioText, record.ScenarioSource, EmbeddedImage(record)) with { Frames = record.FrameSource };
        if (record.FormatVersion < 2) return scenario;
        return scenario.InWorld(record.WorldSeed) with
        {
            Seed = record.Seed,
            Start = record.Start,
            Task = scenario.Task with { Goal = record.Goal },
            Episodes = [],
        };
    }

    /// <summary>Reads a start image the scenario text names from the record's embedded copies.</summary>
    private static Func<string, byte[]> EmbeddedImage(EpisodeRecord record) => file =>
        record.StartImages.FirstOrDefault(i => i.File == file)?.Png
        ?? throw new RtfmGymException($"the episode record holds no copy of this image (it has {record.StartImages.Count}); re-record the episode.");

    /// <summary>
    /// Replays a scenario's own record (record.actions, with record.checksums when present) from
    /// the scenario's seed, comparing each frame's checksum; throws <see cref="ReplayMismatchException"/> at the first difference.
    /// </summary>
    /// <param name="scenario">The scenario with its record.</param>
    /// <param name="frames">An explicit frame source, or null to create the scenario's.</param>
    /// <param name="onStep">Called after each checked step, with the step number.</param>
    /// <param name="components">Where the scenario's frame source, task and sensors come from; default <see cref="EnvironmentComponents.BuiltIn"/>.</param>
    public static ReplayReport ReplayScenario(Scenario scenario, IFrameSource? frames = null, Action<int>? onStep = null, EnvironmentComponents? components = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        IReadOnlyList<object> actions = scenario.RecordedActions
            ?? throw new ScenarioException(scenario.Source, 0, "record.actions", "missing; a scenario replays only with a recorded action list.");
        IReadOnlyList<string>? sums = scenario.Checksums;
        using var env = new RtfmEnvironment(scenario, frames, components: components);
        env.Reset(scenario.Seed);
        if (sums is { Count: > 0 }) Compare(0, "frame", sums[0], env.LastFrame!.Checksum());
        double total = 0;
        for (int i = 0; i < actions.Count; i++)
        {
            StepResult r = env.Step(actions[i]);
            total += r.Reward;
            if (sums is not null && i + 1 < sums.Count) Compare(i + 1, "frame", sums[i + 1], env.LastFrame!.Checksum());
            onStep?.Invoke(i + 1);
            if (r.Terminated || r.Truncated)
            {
                if (i + 1 < actions.Count) throw new ReplayMismatchException(i + 1, "episode end", $"{actions.Count} steps", $"ended after {i + 1}");
                break;
            }
        }
        return new ReplayReport(actions.Count, total, env.FrameSourceName);
    }

    private static void Compare(int step, string what, string expected, string actual)
    {
        if (expected != actual) throw new ReplayMismatchException(step, what, expected, actual);
    }

    /// <summary>Each recorded figure must equal the replayed one bit for bit; with <paramref name="everyFigure"/>, the record must hold every replayed figure too
    /// (older records may predate some figures).</summary>
    private static void CompareSummary(int step, IReadOnlyDictionary<string, double> recorded, IReadOnlyDictionary<string, double> replayed, bool everyFigure)
    {
        foreach (var (key, value) in recorded)
        {
            if (!replayed.TryGetValue(key, out double actual))
                throw new ReplayMismatchException(step, "summary." + key, value.ToString("R"), "no such figure for this episode");
            if (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(actual))
                throw new ReplayMismatchException(step, "summary." + key, value.ToString("R"), actual.ToString("R"));
        }
        if (!everyFigure) return;
        foreach (var (key, value) in replayed)
            if (!recorded.ContainsKey(key)) throw new ReplayMismatchException(step, "summary." + key, "(missing)", value.ToString("R"));
    }

    private static void ComparePose(int step, float[] expected, float[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
            throw new ReplayMismatchException(step, "pose", "[" + string.Join(", ", expected) + "]", "[" + string.Join(", ", actual) + "]");
    }
}
