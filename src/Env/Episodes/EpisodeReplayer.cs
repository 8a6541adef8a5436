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
