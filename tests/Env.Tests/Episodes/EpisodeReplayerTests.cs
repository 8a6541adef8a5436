using RtfmGym.Env.Episodes;
using System.Text.Json.Nodes;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Episodes;

public class EpisodeReplayerTests
{
    private static EpisodeRecord Record(int steps, string frames = "ground-truth") => Record(new RtfmEnvironment(TestScenarios.Small(frames)), steps, 21);

    /// <summary>Records up to <paramref name="steps"/> seeded random steps in <paramref name="env"/> (disposed), with the summary replay recomputes.</summary>
    internal static EpisodeRecord Record(RtfmEnvironment env, int steps, long seed, PreloadedMemoryFile? memoryIn = null, bool withSummary = false)
    {
        using (env)
        {
            var rec = new EpisodeRecorder(env) { MemoryIn = memoryIn };
            var last = env.Reset(seed).Info;
            rec.Begin();
            var rng = new Rng(5);
            double total = 0;
            int collisions = 0, taken = 0;
            for (int i = 0; i < steps; i++)
            {
                object a = rng.NextLong(7);
                var r = env.Step(a);
                rec.Add(a, r);
                (total, last, taken) = (total + r.Reward, r.Info, taken + 1);
                if (InfoKeys.Collided.ReadOr(r.Info, false)) collisions++;
                if (r.Done) break;
            }
            return rec.Build(withSummary ? EpisodeSummary.FromLastInfo(taken, total, collisions, last) : null);
        }
    }

    /// <summary>A whole episode (to its truncation) of the small scenario, with its summary.</summary>
    private static EpisodeRecord Whole(string frames = "constant") => Record(new RtfmEnvironment(TestScenarios.Small(frames)), 1000, 21, withSummary: true);

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

    [Test]
    public void Replay_SuiteEpisodeInItsOwnWorld_Matches()
    {
        Scenario suite = TestScenarios.Small("ground-truth", extra: "episodes:\n  - { seed: 30, world_seed: 11 }\n  - { seed: 31, world_seed: 12 }");
        EpisodeRecord record = Record(new RtfmEnvironment(suite.Expand(2)[1]), 12, 31);
        Assert.That(record.WorldSeed, Is.EqualTo(12UL));
        Assert.That(EpisodeReplayer.Replay(record).Steps, Is.EqualTo(record.Steps.Count));
    }

    [Test]
    public void Replay_EpisodeOfAWorldPool_MatchesInTheWorldItDrew()
    {
        Scenario pooled = TestScenarios.Small("ground-truth") with { WorldPool = 50 };
        Assume.That(pooled.InPooledWorld(33).World.Seed, Is.Not.EqualTo(pooled.World.Seed));
        EpisodeRecord record = Record(new RtfmEnvironment(pooled), 12, 33);
        Assert.That(record.WorldSeed, Is.EqualTo(pooled.InPooledWorld(33).World.Seed));
        Assert.That(EpisodeReplayer.Replay(RoundTrip(record)).Steps, Is.EqualTo(record.Steps.Count));
    }

    [Test]
    public void Replay_SuiteEpisodeWithFixedStartAndGoal_Matches()
    {
        var navigation = WorldCache.Get(TestScenarios.Small().World).Navigation;
        var rng = new Rng(1);
        Assert.That(navigation.TrySampleFree(rng, 0.4f, out var start), Is.True);
        Assert.That(navigation.TrySampleFree(rng, 0.4f, out var goal), Is.True);
        string P(System.Numerics.Vector2 v) => FormattableString.Invariant($"[{v.X:R}, {v.Y:R}]");
        Scenario suite = TestScenarios.Small("constant", extra: $"episodes:\n  - {{ seed: 30, world_seed: 3, start: {{ position: {P(start)}, yaw_degrees: 30 }}, goal: {P(goal)} }}");
        Scenario episode = suite.Expand(1)[0];
        Assume.That(episode.Start, Is.Not.Null);
        EpisodeRecord record = Record(new RtfmEnvironment(episode), 8, 30);
        Assert.That((record.Start, record.Goal), Is.EqualTo((episode.Start, episode.Task.Goal)));
        Assert.That(EpisodeReplayer.Replay(RoundTrip(record)).Steps, Is.EqualTo(record.Steps.Count));
    }

    [Test]
    public void Replay_PreloadedMemoryGiven_MatchesAndWithoutItRefuses()
    {
        Scenario scenario = TestScenarios.Small("constant");
        SpatialMemory remembered = RememberedWorld(scenario);
        var file = new PreloadedMemoryFile("/nowhere/remembered.rtfmmem", new string('a', 64), remembered.Count);
        using (var source = new ContextCountingSource())
        {
            var env = new RtfmEnvironment(scenario, source, new SpatialMemory(remembered.Options));
            env.PreloadMemory(remembered);
            EpisodeRecord record = Record(env, 10, 21, file);
            Assert.That(EpisodeReplayer.Replay(record, new ContextCountingSource(), memoryIn: remembered).Steps, Is.EqualTo(record.Steps.Count));
            Assert.That(Assert.Throws<RtfmGymException>(() => EpisodeReplayer.Replay(record, new ContextCountingSource()))!.Message,
                Does.Contain("remembered.rtfmmem").And.Contain("--memory-in"));
            Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.Replay(record with { MemoryIn = null }, new ContextCountingSource()),
                "without the memory the frames differ, which is why the record must name it");
        }
    }

    [Test]
    public void Replay_LastStepsCutOff_FailsAtEpisodeEnd()
    {
        EpisodeRecord record = Whole();
        Assume.That(record.Steps[^1].Truncated || record.Steps[^1].Terminated, Is.True);
        var cut = record with { Steps = record.Steps.Take(record.Steps.Count - 1).ToArray(), Summary = new Dictionary<string, double>() };
        var e = Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.Replay(cut));
        Assert.That((e!.Step, e.What), Is.EqualTo((record.Steps.Count - 1, "episode end")));
        Assert.That(EpisodeReplayer.Replay(cut with { Interrupted = true }).Steps, Is.EqualTo(cut.Steps.Count), "an interrupted run's record replays");
    }

    [TestCase("return")]
    [TestCase("steps")]
    [TestCase("collisions")]
    [TestCase("success")]
    public void Replay_SummaryEdited_FailsNamingFigure(string key)
    {
        EpisodeRecord record = Whole();
        Assert.That(EpisodeReplayer.Replay(record).Steps, Is.EqualTo(record.Steps.Count));
        var summary = new Dictionary<string, double>(record.Summary);
        summary[key] += 1;
        var e = Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.Replay(record with { Summary = summary }));
        Assert.That(e!.What, Is.EqualTo("summary." + key));
    }

    [Test]
    public void Replay_Version1RecordWithoutEpisodeFields_StillMatches()
    {
        EpisodeRecord record = Whole();
        JsonObject json = record.ToJson();
        foreach (string key in new[] { "frame_source_digest", "world_seed", "start", "goal", "memory_in", "step_count", "interrupted", "digest" }) json.Remove(key);
        json["format"] = EpisodeRecord.FormatTagV1;
        Assume.That(record.Steps.Any(s => s.Collided), Is.True, "the episode collides, so a missing flag would differ");
        foreach (JsonNode? step in json["steps"]!.AsArray()) step!.AsObject().Remove("collided"); // the oldest records lack it
        json["summary"]!.AsObject().Remove("soft_spl"); // and figures added later
        EpisodeRecord v1 = EpisodeRecordReader.FromJson(json, "old.json");
        Assert.That((v1.FormatVersion, v1.WorldSeed), Is.EqualTo((1, (ulong?)null)));
        Assert.That(EpisodeReplayer.Replay(v1).Steps, Is.EqualTo(record.Steps.Count));
    }

    [Test]
    public void Replay_CollidedFlagEdited_FailsNamingIt()
    {
        EpisodeRecord record = Whole();
        int i = record.Steps.ToList().FindIndex(s => s.Collided);
        Assume.That(i, Is.GreaterThanOrEqualTo(0));
        var steps = record.Steps.ToArray();
        steps[i] = steps[i] with { Collided = false };
        var e = Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.Replay(record with { Steps = steps }));
        Assert.That((e!.Step, e.What), Is.EqualTo((i + 1, "collided")));
    }

    private static EpisodeRecord RoundTrip(EpisodeRecord record) => EpisodeRecordReader.FromJson(JsonNode.Parse(record.ToJson().ToJsonString())!.AsObject(), "record.json");

    private static SpatialMemory RememberedWorld(Scenario scenario)
    {
        using var env = new RtfmEnvironment(scenario, memory: new SpatialMemory());
        env.Reset(5);
        for (int i = 0; i < 6; i++) env.Step(5L);
        return env.Memory!.Clone();
    }

    /// <summary>A source drawing from context whose first pixel counts the context entries it is given, so a preloaded memory changes the frames.</summary>
    private sealed class ContextCountingSource : IFrameSource
    {
        private readonly ConstantFrameSource _inner = new();
        public string Name => "counting";
        public bool DrawsFromContext => true;

        public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests) => requests.Select(r =>
        {
            Frame f = _inner.DrawOne(r).Observed;
            byte[] rgb = (byte[])f.Rgb.Clone();
            rgb[0] = (byte)r.Context.Count;
            return new DrawnView(new Frame(f.Width, f.Height, rgb, f.Depth, f.ObjectIds));
        }).ToArray();

        public void Dispose() => _inner.Dispose();
    }

    /// <summary>The ground-truth renderer, except that one pixel changes at one step.</summary>
    private sealed class TamperingSource(int step) : IFrameSource
    {
        private readonly GroundTruthRenderer _inner = new();
        public string Name => "ground-truth";

        public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests) => requests.Select(r =>
        {
            Frame f = _inner.DrawOne(r).Observed;
            if (r.Frame.Step != step) return new DrawnView(f);
            byte[] rgb = (byte[])f.Rgb.Clone();
            rgb[0] ^= 1;
            return new DrawnView(new Frame(f.Width, f.Height, rgb, f.Depth, f.ObjectIds));
        }).ToArray();

        public void Dispose() => _inner.Dispose();
    }
}
