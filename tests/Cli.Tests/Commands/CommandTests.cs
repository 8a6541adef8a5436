using System.Text.Json.Nodes;

namespace RtfmGym.Cli.Tests.Commands;

public class CommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-cli-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Run_DefaultScenario_WritesFramesVideoRecordAndSummary()
    {
        var r = CliRunner.Run(_dir, "run", "--out", "out", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        Assert.That(doc["metrics"]!["success_rate"]!.GetValue<double>(), Is.EqualTo(1.0), "the oracle solves the default episode");
        string ep = Path.Combine(_dir, "out", "episode-000");
        Assert.That(File.Exists(Path.Combine(ep, "episode.json")), Is.True);
        Assert.That(Directory.EnumerateFiles(Path.Combine(ep, "frames"), "*.png").Count(), Is.GreaterThan(5));
        Assert.That(File.Exists(Path.Combine(ep, "video.mp4")) || File.Exists(Path.Combine(ep, "video.apng.png")), Is.True);
        Assert.That(File.Exists(Path.Combine(_dir, "out", "summary.json")), Is.True);

        var replay = CliRunner.Run(_dir, "replay", Path.Combine(ep, "episode.json"));
        Assert.That(replay.ExitCode, Is.EqualTo(0), replay.Err);
        Assert.That(replay.Out, Does.Contain("replay matches"));
    }

    [Test]
    public void Replay_TamperedRecord_ExitsThreeNamingStep()
    {
        var r = CliRunner.Run(_dir, "run", "--out", "out", "--no-frames", "--frames", "constant");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        string path = Path.Combine(_dir, "out", "episode-000", "episode.json");
        var doc = JsonNode.Parse(File.ReadAllText(path))!;
        doc["steps"]![4]!["checksum"] = "0123456789abcdef";
        File.WriteAllText(path, doc.ToJsonString());
        var edited = CliRunner.Run(_dir, "replay", path);
        Assert.That(edited.ExitCode, Is.EqualTo(2), "an edited record is refused by its digest");
        Assert.That(edited.Err, Does.Contain("digest: does not match"));

        // Sealed again, the record is read, and replay itself finds the step that differs.
        doc["digest"] = RtfmGym.Env.Episodes.EpisodeRecord.Digest(doc.AsObject());
        File.WriteAllText(path, doc.ToJsonString());
        var replay = CliRunner.Run(_dir, "replay", path);
        Assert.That(replay.ExitCode, Is.EqualTo(3));
        Assert.That(replay.Err, Does.Contain("step 5").And.Contain("frame"));
    }

    [Test]
    public void Replay_SuiteEpisodesInTheirOwnWorlds_Match()
    {
        var r = CliRunner.Run(_dir, "run", "pointnav-suite", "--episodes", "3", "--frames", "ground-truth", "--no-frames", "--out", "suite");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        foreach (int i in new[] { 1, 2 })
        {
            var replay = CliRunner.Run(_dir, "replay", Path.Combine("suite", $"episode-00{i}", "episode.json"));
            Assert.That(replay.ExitCode, Is.EqualTo(0), replay.Err);
        }
    }

    [Test]
    public void Replay_RunWithMemoryIn_MatchesWithTheFileAndRefusesAnother()
    {
        var first = CliRunner.Run(_dir, "run", "pointnav-apartment", "--frames", "constant", "--no-frames", "--out", "a", "--memory-out", "a.rtfmmem");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Err);
        var second = CliRunner.Run(_dir, "run", "pointnav-apartment", "--frames", "constant", "--no-frames", "--out", "b", "--memory-in", "a.rtfmmem", "--memory-out", "b.rtfmmem");
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Err);
        string record = Path.Combine("b", "episode-000", "episode.json");
        Assert.That(JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, record)))!["memory_in"]!["path"]!.GetValue<string>(), Is.EqualTo(Path.Combine(_dir, "a.rtfmmem")));

        Assert.That(CliRunner.Run(_dir, "replay", record).ExitCode, Is.EqualTo(0));
        var other = CliRunner.Run(_dir, "replay", record, "--memory-in", "b.rtfmmem");
        Assert.That(other.ExitCode, Is.EqualTo(2));
        Assert.That(other.Err, Does.Contain("b.rtfmmem").And.Contain("SHA-256"));
        File.Move(Path.Combine(_dir, "a.rtfmmem"), Path.Combine(_dir, "moved.rtfmmem"));
        var gone = CliRunner.Run(_dir, "replay", record);
        Assert.That((gone.ExitCode, gone.Err), Is.EqualTo((2, gone.Err)));
        Assert.That(gone.Err, Does.Contain("which is gone; pass --memory-in"));
        Assert.That(CliRunner.Run(_dir, "replay", record, "--memory-in", "moved.rtfmmem").ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void Run_ExploreWithDefaultAgent_FrontierOracleCoversTheHouse()
    {
        var r = CliRunner.Run(_dir, "run", "explore-house", "--frames", "constant", "--no-frames", "--out", "explore", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        Assert.That(doc["agent"]!.GetValue<string>(), Is.EqualTo("frontier"));
        Assert.That(doc["metrics"]!["mean_coverage"]!.GetValue<double>(), Is.GreaterThan(0.95));
    }

    [TestCase("run", "no-such-scenario", "No scenario file or shipped scenario named 'no-such-scenario'")]
    [TestCase("run", "pointnav-apartment", "Unknown agent 'superman'", "--agent", "superman")]
    [TestCase("render", "pointnav-apartment", "--pose needs", "--pose", "1,2")]
    [TestCase("replay", "missing.json", "no such episode record")]
    public void Verb_BadInput_ExitsTwoWithMessage(string verb, string target, string message, params string[] more)
    {
        var r = CliRunner.Run(_dir, [verb, target, .. more]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Out + r.Err);
        Assert.That(r.Err, Does.Contain(message));
    }

    [Test]
    public void ModelEval_NativeShimMissing_ExitsTwoNamingSetupWithoutStackTrace()
    {
        var r = CliRunner.Run(_dir, new Dictionary<string, string> { ["RTFMGYM_TORCH_NATIVE"] = "/nonexistent/librtfmtorch.so" },
            "model", "eval", "--checkpoint", Path.Combine(CliRunner.RepoRoot, "models", "small"));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.Contain("rtfmgym: error:").And.Contain("scripts/setup.sh").And.Contain("/nonexistent/librtfmtorch.so"));
        Assert.That(r.Err, Does.Not.Contain("Unhandled").And.Not.Contain("   at "));
    }

    [Test]
    public void Run_BadScenarioFile_ErrorNamesFileLineField()
    {
        string path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, "name: bad\nworld:\n  rooms: 99\n");
        var r = CliRunner.Run(_dir, "run", path);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("bad.yaml:3: world.rooms"));
    }

    [Test]
    public void Serve_CurveKeygenTwice_KeepsKeysUnlessForced()
    {
        string keys = Path.Combine(_dir, "keys");
        var first = CliRunner.Run(_dir, "serve", "--curve-keygen", keys);
        Assume.That(first.Err, Does.Not.Contain("no CURVE support"));
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Err);
        string secret = File.ReadAllText(Path.Combine(keys, "server.key_secret"));
        var again = CliRunner.Run(_dir, "serve", "--curve-keygen", keys);
        Assert.That(again.ExitCode, Is.EqualTo(2), again.Err);
        Assert.That(again.Err, Does.StartWith("rtfmgym: error: ").And.Contain("server.key_secret").And.Contain("--force"));
        Assert.That(File.ReadAllText(Path.Combine(keys, "server.key_secret")), Is.EqualTo(secret));
        var forced = CliRunner.Run(_dir, "serve", "--curve-keygen", keys, "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.Err);
        Assert.That(File.ReadAllText(Path.Combine(keys, "server.key_secret")), Is.Not.EqualTo(secret));
    }

    [TestCase("--curve-server-key")]
    [TestCase("--curve-allow")]
    public void Serve_GarbageCurveKeyFile_ExitsTwoNamingFile(string option)
    {
        string keys = Path.Combine(_dir, "keys");
        var gen = CliRunner.Run(_dir, "serve", "--curve-keygen", keys);
        Assume.That(gen.ExitCode, Is.EqualTo(0), gen.Err);
        string garbage = Path.Combine(_dir, "allow", "mallory.key");
        Directory.CreateDirectory(Path.GetDirectoryName(garbage)!);
        File.WriteAllText(garbage, "-----BEGIN NOTHING-----\n");
        string[] args = option == "--curve-server-key"
            ? ["serve", "--curve-server-key", garbage]
            : ["serve", "--curve-server-key", Path.Combine(keys, "server.key_secret"), "--curve-allow", Path.GetDirectoryName(garbage)!];
        var r = CliRunner.Run(_dir, args);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.StartWith($"rtfmgym: error: {garbage}: not a CURVE key file"));
    }

    [TestCase("deep", "nested deeper than 16")]
    [TestCase("/dev/zero", "too large")]
    public void Run_HostileScenarioFile_ExitsTwoNamingTheLimit(string file, string message)
    {
        string path = file;
        if (file == "deep")
        {
            path = Path.Combine(_dir, "deep.yaml");
            File.WriteAllText(path, "name: deep\nx: " + new string('[', 50_000) + new string(']', 50_000) + "\n");
        }
        Assume.That(File.Exists(path), path);
        var r = CliRunner.Run(_dir, "run", path);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.StartWith($"rtfmgym: error: {path}:").And.Contain(message));
    }

    [Test]
    public void Scenarios_Listed_AllValid()
    {
        var r = CliRunner.Run(_dir, "scenarios");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Out + r.Err);
        Assert.That(r.Out, Does.Contain("pointnav-suite").And.Contain("drone-free"));
    }

    [Test]
    public void Render_Pose_WritesPngAndDepth()
    {
        var r = CliRunner.Run(_dir, "render", "pointnav-apartment", "--out", "f.png", "--depth", "--map", "--size", "48");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        byte[] png = File.ReadAllBytes(Path.Combine(_dir, "f.png"));
        Assert.That(png[..4], Is.EqualTo(new byte[] { 137, 80, 78, 71 }));
        Assert.That(File.Exists(Path.Combine(_dir, "f-depth.png")), Is.True);
        Assert.That(File.Exists(Path.Combine(_dir, "f-map.png")), Is.True);
    }

    [Test]
    public void Eval_SuiteJson_ReportsSuccessAndSpl()
    {
        var r = CliRunner.Run(_dir, "eval", "pointnav-suite", "--agent", "oracle", "--episodes", "3", "--frames", "constant", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        var doc = JsonNode.Parse(r.Out)!;
        Assert.That(doc["episodes"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(doc["metrics"]!["spl"]!.GetValue<double>(), Is.GreaterThan(0.5));
    }

    [Test]
    public void Help_EveryVerb_Answers()
    {
        foreach (string verb in new[] { "run", "replay", "render", "eval", "scenarios", "bench", "serve" })
        {
            var r = CliRunner.Run(_dir, verb, "--help");
            Assert.That(r.ExitCode, Is.EqualTo(0), verb);
            Assert.That(r.Out, Does.Contain("Usage"), verb);
        }
    }
}
