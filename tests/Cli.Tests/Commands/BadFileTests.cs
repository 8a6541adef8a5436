using System.Security.Cryptography;
using System.Text.Json.Nodes;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;

namespace RtfmGym.Cli.Tests.Commands;

/// <summary>
/// Every kind of bad input file the CLI reads (scenario, episode record, memory file) and bad option value,
/// each with the message it must give: <c>rtfmgym: error: ...</c> naming the file and the fix, exit code 2,
/// never a stack trace.
/// </summary>
public class BadFileTests
{
    private static string _dir = "";
    private static string _record = "";
    private static string _memory = "";

    [OneTimeSetUp]
    public static void MakeInputs()
    {
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-badfiles-{Guid.NewGuid():N}"));
        var r = CliRunner.Run(_dir, "run", "pointnav-apartment", "--frames", "constant", "--no-frames", "--out", "good");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        _record = File.ReadAllText(Path.Combine(_dir, "good", "episode-000", "episode.json"));
        var memory = new SpatialMemory();
        memory.Insert(Pose.FromYawPitchRoll(2, 1.25f, 3, 0.5f), new Frame(2, 2, new byte[12], [1f, 2f, 3f, 4f]), 0);
        string path = Path.Combine(_dir, "good.rtfmmem");
        SpatialMemoryFile.Save(memory, path);
        _memory = Convert.ToBase64String(File.ReadAllBytes(path));
    }

    [OneTimeTearDown]
    public static void RemoveInputs() => Directory.Delete(_dir, recursive: true);

    /// <summary>A case: a file to write (name and bytes made from the good inputs), the command line, and what the error must say.</summary>
    /// <remarks>With <see cref="LinkTo"/>, the file is a symbolic link to that path instead (a device posing as a record).</remarks>
    public sealed record BadInput(string Name, string File, Func<byte[]> Contents, string[] Args, string[] Expected)
    {
        public string? LinkTo { get; init; }

        public override string ToString() => Name;
    }

    private static BadInput Record(string name, Action<JsonObject> edit, string expected, bool reseal = true) =>
        new(name, $"{name}.json", () =>
        {
            JsonObject o = JsonNode.Parse(_record)!.AsObject();
            edit(o);
            if (reseal) o["digest"] = EpisodeRecord.Digest(o);
            return System.Text.Encoding.UTF8.GetBytes(o.ToJsonString());
        }, ["replay", "{file}"], ["{file}", expected]);

    private static BadInput Memory(string name, int at, float value, string expected) =>
        new(name, $"{name}.rtfmmem", () =>
        {
            byte[] b = Convert.FromBase64String(_memory);
            BitConverter.GetBytes(value).CopyTo(b, at);
            SHA256.HashData(b.AsSpan(0, b.Length - 32)).CopyTo(b.AsSpan(b.Length - 32));
            return b;
        }, ["run", "pointnav-apartment", "--frames", "constant", "--no-frames", "--out", "out", "--memory-in", "{file}"], ["{file}", expected, "--memory-out"]);

    private static BadInput Scenario(string name, string yaml, string expected) =>
        new(name, $"{name}.yaml", () => System.Text.Encoding.UTF8.GetBytes(yaml), ["run", "{file}", "--frames", "constant", "--no-frames", "--out", "out"], ["{file}", expected]);

    private static BadInput Text(string name, string file, string contents, string[] args, params string[] expected) =>
        new(name, file, () => System.Text.Encoding.UTF8.GetBytes(contents), args, expected);

    // The first entry's pose begins at byte 81 of a memory file (x, y, z, qx, qy, qz, qw); its 2x2 RGB at 126, its depth at 138.
    public static IEnumerable<BadInput> Cases() =>
    [
        Record("record-collided-string", o => o["steps"]![0]!["collided"] = "yes", "steps[0].collided: \"yes\" has the wrong type: expected true or false"),
        Record("record-reset-option-string", o => o["reset_options"] = new JsonObject { ["world_seed"] = "three" }, "reset_options.world_seed: \"three\" is not an integer or a list of numbers"),
        Record("record-reset-option-null", o => o["reset_options"] = new JsonObject { ["goal"] = null }, "reset_options.goal: null is not an integer or a list of numbers"),
        Record("record-action-string", o => o["steps"]![1]!["action"] = "a", "steps[1].action: \"a\" is not an action"),
        Record("record-action-null", o => o["steps"]![1]!["action"] = null, "steps[1].action: null is not an action"),
        Record("record-action-list-null", o => o["steps"]![1]!["action"] = new JsonArray(0.5, null, 0.1), "steps[1].action[1]: null has the wrong type: expected a number"),
        Record("record-summary-edited", o => o["summary"]!["success"] = 0, "digest: does not match the record's contents", reseal: false),
        Record("record-last-step-cut", o => o["steps"]!.AsArray().RemoveAt(o["steps"]!.AsArray().Count - 1), "steps: lists", reseal: true),
        Record("record-other-checkpoint", o => (o["frame_source"], o["frame_source_digest"]) = ("model", "sha256:" + new string('0', 64)),
            "was made with frame source 'model' at digest sha256:0000"),
        Record("record-other-format", o => o["format"] = "rtfmgym-episode/9", "format: 'rtfmgym-episode/9' is not 'rtfmgym-episode/2'"),
        Text("record-not-json", "record-not-json.json", "{\"format\": \"rtfmgym-episode/2\", \"steps\": [", ["replay", "{file}"], "{file}", "(syntax): not valid JSON", "rtfmgym run"),
        Text("record-device", "zero.json", "", ["replay", "{file}"], "{file}", "not a regular file") with { LinkTo = "/dev/zero" },
        Memory("memory-x-3e38", 81, 3e38f, "entry 0 has pose value 0 = 3E+38, not a finite number"),
        Memory("memory-pose-nan", 85, float.NaN, "entry 0 has pose value 1 = NaN"),
        Memory("memory-pose-infinite", 89, float.PositiveInfinity, "entry 0 has pose value 2 = Infinity"),
        Memory("memory-depth-nan", 138 + 8, float.NaN, "entry 0 has depth NaN at pixel 2"),
        Text("memory-not-a-memory", "notes.rtfmmem", "just some notes, long enough to be read as a header", ["run", "pointnav-apartment", "--frames", "constant", "--memory-in", "{file}"], "{file}", "bad magic"),
        Text("memory-dev-zero", "unused.rtfmmem", "", ["run", "pointnav-apartment", "--frames", "constant", "--memory-in", "/dev/zero"], "/dev/zero", "not a regular file"),
        Scenario("scenario-goal-nan", "name: a\ntask:\n  goal: [NaN, 1]\n", ":3: task.goal[0]: expected a number, got 'NaN'"),
        Scenario("scenario-height-infinite", "name: a\nworld:\n  ceiling_height: 1e999\n", ":3: world.ceiling_height: expected a number, got '1e999'"),
        Scenario("scenario-steps-infinite", "name: a\nmax_steps: .inf\n", ":2: max_steps: expected a whole number, got '.inf'"),
        Text("render-pose-nan", "unused.txt", "", ["render", "pointnav-apartment", "--pose", "NaN,NaN,NaN", "--out", "f.png"], "--pose 'NaN,NaN,NaN': number 1 is not finite"),
        Text("render-pose-infinite", "unused.txt", "", ["render", "pointnav-apartment", "--pose", "1,1e999,0", "--out", "f.png"], "number 2 is not finite"),
        Text("run-oracle-free-task", "unused.txt", "", ["run", "drone-free", "--agent", "oracle", "--frames", "constant", "--no-frames", "--out", "out"], "task kind Free", "--agent random"),
        Text("run-memory-out-folder", "unused.txt", "", ["run", "pointnav-apartment", "--frames", "constant", "--no-frames", "--out", "out", "--memory-out", "."], "--memory-out '.' is a folder"),
        Text("run-memory-out-under-file", "plain.txt", "x", ["run", "pointnav-apartment", "--frames", "constant", "--no-frames", "--out", "out", "--memory-out", "{file}/m.rtfmmem"], "--memory-out", "cannot be written"),
    ];

    [Test]
    public void Replay_RecordOfAnotherCheckpoint_SaysToPassIt()
    {
        BadInput input = Cases().Single(c => c.Name == "record-other-checkpoint");
        string file = Path.Combine(_dir, "other-checkpoint.json");
        File.WriteAllBytes(file, input.Contents());
        var r = CliRunner.Run(_dir, "replay", file);
        Assert.That(r.Err, Does.Contain("--checkpoint DIR").And.Contain("--frames"));
    }

    [TestCaseSource(nameof(Cases))]
    public void Cli_BadInput_ExitsTwoNamingFileAndFix(BadInput input)
    {
        string dir = Path.Combine(_dir, input.Name);
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, input.File);
        if (input.LinkTo is { } target) File.CreateSymbolicLink(file, target);
        else File.WriteAllBytes(file, input.Contents());
        var r = CliRunner.Run(dir, input.Args.Select(a => a.Replace("{file}", file)).ToArray());
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.StartWith("rtfmgym: error: ").And.Not.Contain("   at "), r.Err);
        foreach (string expected in input.Expected) Assert.That(r.Err, Does.Contain(expected.Replace("{file}", file)));
        Assert.That(Directory.Exists(Path.Combine(dir, "out", "episode-000")), Is.False, "nothing ran");
    }
}
