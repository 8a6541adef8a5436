using RtfmGym.Env.Episodes;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Episodes;

public class EpisodeReplayerTests
{
    private static EpisodeRecord Record(int steps, string frames = "ground-truth")
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(frames));
        var rec = new EpisodeRecorder(env);
        env.Reset(21);
        rec.Begin();
        var rng = new Rng(5);
        for (int i = 0; i < steps; i++)
        {
            object a = rng.NextLong(7);
            var r = env.Step(a);
            rec.Add(a, r);
            if (r.Done) break;
        }
        return rec.Build();
    }

    [Test]
    public void Replay_UnchangedEpisode_Matches()
    {
        EpisodeRecord record = Record(25);
        ReplayReport report = EpisodeReplayer.Replay(record);
        Assert.That(report.Steps, Is.EqualTo(record.Steps.Count));
    }

    [Test]
    public void Replay_EmbeddedScenarioBomb_RefusedBeforeParsing()
    {
        EpisodeRecord record = Record(3) with { ScenarioText = "name: bomb\nx: " + new string('[', 50_000) + new string(']', 50_000) + "\n" };
        var e = Assert.Throws<ScenarioException>(() => EpisodeReplayer.Replay(record));
        Assert.That(e!.Message, Does.StartWith(record.ScenarioSource + ":").And.Contain("nested deeper than 16"));
    }

    [Test]
    public void Replay_SavedAndLoaded_StillMatches()
    {
        EpisodeRecord record = Record(10);
        string path = Path.Combine(Path.GetTempPath(), $"rtfm-record-{Guid.NewGuid():N}.json");
        try
        {
            record.Save(path);
            Assert.DoesNotThrow(() => EpisodeReplayer.Replay(EpisodeRecord.Load(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Replay_FrameChangedAtStep7_FailsNamingStep7()
    {
        EpisodeRecord record = Record(15);
        var e = Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.Replay(record, new TamperingSource(7)));
        Assert.That(e!.Step, Is.EqualTo(7));
        Assert.That(e.What, Is.EqualTo("frame"));
        Assert.That(e.Message, Does.Contain("step 7"));
    }

    [Test]
    public void Replay_RewardEdited_FailsNamingReward()
    {
        EpisodeRecord record = Record(10);
        var steps = record.Steps.ToArray();
        steps[3] = steps[3] with { Reward = steps[3].Reward + 1e-9 };
        var e = Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.Replay(record with { Steps = steps }));
        Assert.That((e!.Step, e.What), Is.EqualTo((4, "reward")));
    }

    [TestCase("{", "(syntax)")]
    [TestCase("{\"format\": \"something-else\"}", "format")]
    [TestCase("[1, 2]", "(root)")]
    public void Load_MalformedRecord_NamesField(string json, string field)
    {
        string path = Path.Combine(Path.GetTempPath(), $"rtfm-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var e = Assert.Throws<ScenarioException>(() => EpisodeRecord.Load(path));
            Assert.That(e!.Field, Is.EqualTo(field));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void ReplayScenario_EmbeddedRecord_ChecksChecksums()
    {
        EpisodeRecord record = Record(6, "constant");
        string actions = string.Join(", ", record.Steps.Select(s => s.Action));
        string sums = string.Join(", ", new[] { record.ResetChecksum }.Concat(record.Steps.Select(s => s.Checksum)));
        var good = TestScenarios.Small("constant", extra: $"record: {{ actions: [{actions}], checksums: [{sums}] }}");
        Assert.That(EpisodeReplayer.ReplayScenario(good with { Seed = 21 }).Steps, Is.EqualTo(record.Steps.Count));
        var bad = good with { Seed = 21, Checksums = good.Checksums!.Select((c, i) => i == 3 ? "0000000000000000" : c).ToArray() };
        Assert.That(Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.ReplayScenario(bad))!.Step, Is.EqualTo(3));
    }

    /// <summary>The ground-truth renderer, except that one pixel changes at one step.</summary>
    private sealed class TamperingSource(int step) : IFrameSource
    {
        private readonly GroundTruthRenderer _inner = new();
        public string Name => "ground-truth";
        public void BeginEpisode(World world, ulong seed) => _inner.BeginEpisode(world, seed);

        public Frame Render(FrameRequest request)
        {
            Frame f = _inner.Render(request);
            if (request.Step != step) return f;
            byte[] rgb = (byte[])f.Rgb.Clone();
            rgb[0] ^= 1;
            return new Frame(f.Width, f.Height, rgb, f.Depth, f.ObjectIds);
        }

        public void Dispose() => _inner.Dispose();
    }
}
