using System.Text.Json.Nodes;
using RtfmGym.Env.Episodes;

namespace RtfmGym.Env.Tests.Episodes;

public class EpisodeRecordReaderTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-records-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    private static JsonObject Saved() => EpisodeReplayerTests.Record(new RtfmEnvironment(TestScenarios.Small()), 5, 21).ToJson();

    /// <summary>Applies an edit to a saved record and seals it again (a fresh digest), so the field check itself must catch it.</summary>
    private static JsonObject Edited(Action<JsonObject> edit)
    {
        JsonObject o = Saved();
        edit(o);
        o["digest"] = EpisodeRecord.Digest(o);
        return o;
    }

    public static IEnumerable<TestCaseData> BadFields()
    {
        TestCaseData Case(string name, Action<JsonObject> edit, string field, string problem) =>
            new TestCaseData(edit, field, problem).SetName($"FromJson_{name}_RefusedNamingField");
        yield return Case("CollidedString", o => o["steps"]![0]!["collided"] = "yes", "steps[0].collided", "expected true or false");
        yield return Case("TerminatedNull", o => o["steps"]![1]!["terminated"] = null, "steps[1].terminated", "expected true or false");
        yield return Case("ResetOptionString", o => o["reset_options"] = new JsonObject { ["world_seed"] = "three" }, "reset_options.world_seed", "not an integer or a list");
        yield return Case("ResetOptionNull", o => o["reset_options"] = new JsonObject { ["start"] = null }, "reset_options.start", "not an integer or a list");
        yield return Case("ResetOptionListWithString", o => o["reset_options"] = new JsonObject { ["goal"] = new JsonArray(1, "a") }, "reset_options.goal[1]", "expected a number");
        yield return Case("ResetOptionsNotObject", o => o["reset_options"] = new JsonArray(), "reset_options", "expected an object");
        yield return Case("ActionString", o => o["steps"]![0]!["action"] = "a", "steps[0].action", "not an action");
        yield return Case("ActionNull", o => o["steps"]![0]!["action"] = null, "steps[0].action", "not an action");
        yield return Case("ActionFraction", o => o["steps"]![0]!["action"] = 1.5, "steps[0].action", "not an action");
        yield return Case("ActionListWithString", o => o["steps"]![2]!["action"] = new JsonArray(0.5, "a", 0), "steps[2].action[1]", "expected a number");
        yield return Case("ActionListWithNull", o => o["steps"]![2]!["action"] = new JsonArray(0.5, null, 0), "steps[2].action[1]", "expected a number");
        yield return Case("ActionTooLargeForFloat", o => o["steps"]![2]!["action"] = new JsonArray(0.5, 1e300, 0), "steps[2].action[1]", "too large");
        yield return Case("RewardString", o => o["steps"]![0]!["reward"] = "1", "steps[0].reward", "expected a number");
        yield return Case("PoseShort", o => o["steps"]![0]!["pose"] = new JsonArray(1, 2, 3), "steps[0].pose", "expected 7");
        yield return Case("ResetPoseWithNull", o => o["reset_pose"]![3] = null, "reset_pose[3]", "expected a number");
        yield return Case("SeedNegative", o => o["seed"] = -4, "seed", "outside");
        yield return Case("SeedString", o => o["seed"] = "4", "seed", "expected an integer");
        yield return Case("WorldSeedMissing", o => o.Remove("world_seed"), "world_seed", "missing");
        yield return Case("SummaryString", o => o["summary"] = new JsonObject { ["return"] = "high" }, "summary.return", "expected a number");
        yield return Case("StepCountShort", o => o["step_count"] = 4, "steps", "cut off");
        yield return Case("StepsCutOff", o => o["steps"]!.AsArray().RemoveAt(4), "steps", "cut off");
        yield return Case("MemoryDigestShort", o => o["memory_in"] = new JsonObject { ["path"] = "m", ["sha256"] = "abc", ["entries"] = 1 }, "memory_in.sha256", "64 hex digits");
        yield return Case("GoalThreeNumbers", o => o["goal"] = new JsonArray(1, 2, 3), "goal", "expected 2");
    }

    [TestCaseSource(nameof(BadFields))]
    public void FromJson_BadField_RefusedNamingField(Action<JsonObject> edit, string field, string problem)
    {
        var e = Assert.Throws<ScenarioException>(() => EpisodeRecordReader.FromJson(Edited(edit), "bad.json"));
        Assert.That(e!.Field, Is.EqualTo(field), e.Message);
        Assert.That(e.Message, Does.StartWith("bad.json:").And.Contain(problem));
    }

    [TestCase("summary")]
    [TestCase("steps")]
    [TestCase("scenario_yaml")]
    public void Load_EditedAfterSaving_RefusedByDigest(string what)
    {
        JsonObject o = Saved();
        switch (what)
        {
            case "summary": o["summary"]!["return"] = 99.0; break;
            case "steps": o["steps"]!.AsArray().RemoveAt(4); break;
            default: o["scenario_yaml"] = o["scenario_yaml"]!.GetValue<string>().Replace("max_steps: 60", "max_steps: 61"); break;
        }
        string path = Path.Combine(_dir, "edited.json");
        File.WriteAllText(path, o.ToJsonString());
        var e = Assert.Throws<ScenarioException>(() => EpisodeRecordReader.Load(path));
        Assert.That((e!.Field, e.Message), Is.EqualTo(("digest", e.Message)));
        Assert.That(e.Message, Does.Contain("edited or damaged").And.Contain("rtfmgym run"));
    }

    [Test]
    public void SaveLoad_NonAsciiScenarioText_DigestHolds()
    {
        EpisodeRecord record = EpisodeReplayerTests.Record(new RtfmEnvironment(TestScenarios.Small(extra: "description: \"Küche & <salon> + 'ü' − \\u2014\"")), 3, 21);
        string path = Path.Combine(_dir, "record.json");
        record.Save(path);
        Assert.That(EpisodeRecordReader.Load(path).ScenarioText, Is.EqualTo(record.ScenarioText));
    }

    [TestCase("{", "(syntax)")]
    [TestCase("{\"format\": \"something-else\"}", "format")]
    [TestCase("{\"format\": 2}", "format")]
    [TestCase("[1, 2]", "(root)")]
    [TestCase("{\"format\": \"rtfmgym-episode/2\"}", "digest")]
    public void Load_MalformedRecord_NamesField(string json, string field)
    {
        string path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<ScenarioException>(() => EpisodeRecordReader.Load(path));
        Assert.That(e!.Field, Is.EqualTo(field));
    }

    [Test]
    public void Load_DeviceFile_RefusedWithoutReadingIt()
    {
        Assume.That(File.Exists("/dev/zero"), Is.True, "needs /dev/zero");
        var e = Assert.Throws<RtfmGymException>(() => EpisodeRecordReader.Load("/dev/zero"));
        Assert.That(e!.Message, Does.Contain("/dev/zero").And.Contain("not a regular file"));
    }
}
