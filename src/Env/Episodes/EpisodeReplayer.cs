using RtfmGym.Env.Frames;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Episodes;

/// <summary>
/// Re-runs a recorded episode and checks it bit for bit: the reset frame, then every step's
/// frame checksum, reward, flags and pose. The first difference throws
/// <see cref="ReplayMismatchException"/> naming the step (0 = the reset frame).
/// </summary>
public static class EpisodeReplayer
{
    /// <summary>Replays <paramref name="record"/>; <paramref name="frames"/> overrides the recorded frame source (null: the record's).</summary>
    /// <param name="record">The record to check.</param>
    /// <param name="frames">An explicit frame source, or null to create the recorded one.</param>
    /// <param name="onStep">Called after each checked step (for progress bars), with the step number.</param>
    public static ReplayReport Replay(EpisodeRecord record, IFrameSource? frames = null, Action<int>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        Scenario scenario = ScenarioLoader.Parse(record.ScenarioText, record.ScenarioSource) with { Frames = record.FrameSource };
        using var env = new RtfmEnvironment(scenario, frames);
        env.Reset(record.Seed, record.ResetOptions);
        Compare(0, "frame", record.ResetChecksum, env.LastFrame!.Checksum());
        ComparePose(0, record.ResetPose, env.Pose.ToArray());
        double total = 0;
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
            total += r.Reward;
            onStep?.Invoke(step);
        }
        return new ReplayReport(record.Steps.Count, total, env.FrameSourceName);
    }

    /// <summary>
    /// Replays a scenario's own record (record.actions, with record.checksums when present) from
    /// the scenario's seed, comparing each frame's checksum; throws <see cref="ReplayMismatchException"/> at the first difference.
    /// </summary>
    public static ReplayReport ReplayScenario(Scenario scenario, IFrameSource? frames = null, Action<int>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        IReadOnlyList<object> actions = scenario.RecordedActions
            ?? throw new ScenarioException(scenario.Source, 0, "record.actions", "missing; a scenario replays only with a recorded action list.");
        IReadOnlyList<string>? sums = scenario.Checksums;
        using var env = new RtfmEnvironment(scenario, frames);
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

    private static void ComparePose(int step, float[] expected, float[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
            throw new ReplayMismatchException(step, "pose", "[" + string.Join(", ", expected) + "]", "[" + string.Join(", ", actual) + "]");
    }
}
