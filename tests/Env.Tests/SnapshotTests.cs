using RtfmGym.Env.Checking;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Tests;

public class SnapshotTests
{
    /// <summary>Steps <paramref name="env"/> with <paramref name="actions"/>, resetting (unseeded) when an episode ends; returns everything each call gave.</summary>
    private static List<object?[]> Continue(RtfmEnvironment env, IEnumerable<long> actions)
    {
        var trace = new List<object?[]>();
        foreach (long a in actions)
        {
            if (trace.Count > 0 && trace[^1] is [_, _, true, _, _] or [_, _, _, true, _])
            {
                var r = env.Reset();
                trace.Add([r.Observation, null, false, false, r.Info]);
            }
            var s = env.Step(a);
            trace.Add([s.Observation, s.Reward, s.Terminated, s.Truncated, s.Info]);
        }
        return trace;
    }

    private static long[] Actions(int count, ulong seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ => (long)rng.NextInt(1, 7)).ToArray(); // moves and turns, never stop
    }

    private static void AssertSame(List<object?[]> expected, List<object?[]> actual)
    {
        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        for (int i = 0; i < expected.Count; i++)
            for (int j = 0; j < expected[i].Length; j++)
                Assert.That(EnvChecker.SameValue(expected[i][j], actual[i][j]), Is.True, $"call {i}, item {j} differs");
    }

    [TestCase("pointnav")]
    [TestCase("explore")]
    [TestCase("free")]
    public void Restore_SameEnvironment_ContinuationBitIdentical(string task)
    {
        using var env = new RtfmEnvironment(TestScenarios.Small("ground-truth", task: task), memory: new SpatialMemory());
        env.Reset(7);
        foreach (long a in Actions(5, 1)) env.Step(a);
        EnvironmentSnapshot snapshot = env.Snapshot();
        long[] actions = Actions(20, 2);
        var original = Continue(env, actions);

        env.Restore(snapshot);
        Assert.That(env.StepCount, Is.EqualTo(5));
        AssertSame(original, Continue(env, actions));
        env.Restore(snapshot);
        AssertSame(original, Continue(env, actions)); // a snapshot can be restored again
    }

    [Test]
    public void Restore_FreshEnvironmentAcrossEpisodeEnd_ContinuationBitIdentical()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small("ground-truth"), memory: new SpatialMemory());
        env.Reset(9);
        foreach (long a in Actions(52, 3)) env.Step(a);
        EnvironmentSnapshot snapshot = env.Snapshot();
        long[] actions = Actions(14, 4); // 8 steps to the 60-step limit, an unseeded reset, 6 more
        var original = Continue(env, actions);
        Assert.That(original.Any(t => t[3] is true), Is.True, "the continuation crosses an episode end");

        using var other = new RtfmEnvironment(TestScenarios.Small("ground-truth"), memory: new SpatialMemory());
        other.Restore(snapshot);
        AssertSame(original, Continue(other, actions));
    }

    [Test]
    public void Restore_WithoutMemory_ContinuationBitIdentical()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small("ground-truth"));
        env.Reset(2);
        env.Step(1L);
        var snapshot = env.Snapshot();
        long[] actions = Actions(10, 5);
        var original = Continue(env, actions);
        env.Restore(snapshot);
        AssertSame(original, Continue(env, actions));
    }

    [Test]
    public void Restore_MemoryContents_PutBack()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.Reset(1);
        var snapshot = env.Snapshot();
        long[] before = env.Memory!.Entries.Select(e => e.Id).ToArray();
        foreach (long a in Actions(10, 6)) env.Step(a);
        env.Restore(snapshot);
        Assert.That(env.Memory.Entries.Select(e => e.Id), Is.EqualTo(before));
    }

    [Test]
    public void Restore_OtherScenario_Refused()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        env.Reset(1);
        var snapshot = env.Snapshot();
        using var other = new RtfmEnvironment(TestScenarios.Small(task: "explore"));
        var e = Assert.Throws<RtfmGymException>(() => other.Restore(snapshot));
        Assert.That(e!.Message, Does.Contain("scenario 'small'").And.Contain("cannot restore"));
    }

    [Test]
    public void Restore_MemoryPresenceDiffers_Refused()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        env.Reset(1);
        using var withMemory = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        var e = Assert.Throws<RtfmGymException>(() => withMemory.Restore(env.Snapshot()));
        Assert.That(e!.Message, Does.Contain("no spatial memory"));
    }
}
