using RtfmGym.Env;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
using RtfmGym.Model;
using RtfmGym.Model.Frames;
using RtfmGym.Play.Protocol;

namespace RtfmGym.Play.Tests;

/// <summary>A session without a socket: what a walk drawn by a learned model records, and the errors a step can meet.</summary>
public sealed class PlaySessionTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-play-session-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void BuildRecord_WalkDrawnByTinyModel_ReplaysBitForBit()
    {
        // Untrained: what is checked is that the walk's record holds everything the model's frames depend on
        // (seed views, memory, provenance), not what the frames look like.
        using FrameModel model = FrameModel.Create(FrameModelConfig.Tiny, seed: 3);
        using var frames = new ModelFrameSource(model);
        using var session = new PlaySession(1, new RtfmEnvironment(TestScenarios.Small(), frames, new SpatialMemory()), _dir);
        session.Reset(5);
        var checksums = new HashSet<string> { session.Environment.LastFrame!.Checksum() };
        foreach (long action in new long[] { 1, 1, 5, 1, 6, 3 })
        {
            Assert.That(session.Handle(new StepMessage(action, 0)).Binary, Is.Not.Null);
            checksums.Add(session.Environment.LastFrame!.Checksum());
        }
        EpisodeRecord record = session.BuildRecord();
        using var replayFrames = new ModelFrameSource(model);
        ReplayReport replay = EpisodeReplayer.Replay(record, replayFrames);
        Assert.Multiple(() =>
        {
            Assert.That(replay.Steps, Is.EqualTo(6));
            Assert.That(record.Interrupted, Is.True, "a walk that has not ended is marked interrupted");
            Assert.That(checksums, Has.Count.GreaterThan(1), "the frames are not all one");
        });
    }

    [Test]
    public void Handle_StepsInACapturedWorld_MemoryChangesSentOnceAndTheyAddUpToTheMemory()
    {
        // A capture puts dozens of entries in at reset; a step adds its frame (and may replace one in its slot).
        using FrameModel model = FrameModel.Create(FrameModelConfig.Tiny, seed: 3);
        using var frames = new ModelFrameSource(model);
        Scenario scenario = TestScenarios.Small() with { Capture = new CaptureSettings(1.5f, 4) };
        using var session = new PlaySession(1, new RtfmEnvironment(scenario, frames, new SpatialMemory()), _dir);
        var known = new Dictionary<long, int>();
        (int Added, int Removed) Apply(byte[] packet)
        {
            System.Text.Json.Nodes.JsonNode memory = Header(packet)["memory"]!;
            var (added, removed) = (memory["added"]!.AsArray(), memory["removed"]!.AsArray());
            foreach (var id in removed) Assert.That(known.Remove(id!.GetValue<long>()), Is.True, "only a sent entry is removed");
            foreach (var e in added) Assert.That(known.TryAdd(e![0]!.GetValue<long>(), 0), Is.True, "an entry is sent once");
            Assert.That(known.Keys.Order(), Is.EqualTo(session.Environment.Memory!.Entries.Select(e => e.Id).Order()), "the changes add up to the memory");
            Assert.That(memory["size"]!.GetValue<int>(), Is.EqualTo(known.Count));
            return (added.Count, removed.Count);
        }
        var first = Apply(session.Reset(5).Binary!);
        Assert.That(first.Added, Is.GreaterThan(20), "the capture and the first frame");
        foreach (long action in new long[] { 1, 1, 5, 1, 6, 3 })
        {
            var changes = Apply(session.Handle(new StepMessage(action, 0)).Binary!);
            Assert.That(changes.Added, Is.LessThanOrEqualTo(1), "a step adds at most its own frame");
        }
        var again = Apply(session.Reset(6).Binary!);
        Assert.That(again.Removed, Is.GreaterThan(20), "a reset empties the memory, so every entry goes");
    }

    [Test]
    public void Handle_StepOutsideSpaceOrAfterTheEnd_ErrorNamingIt()
    {
        using var session = new PlaySession(1, new RtfmEnvironment(TestScenarios.Small(maxSteps: 1), memory: new SpatialMemory()), _dir);
        Assert.That(session.Handle(new StepMessage(1L, 0)).Text, Does.Contain("\"code\":\"episode_over\"").And.Contain("press R"), "before any reset");
        session.Reset(null);
        Assert.That(session.Handle(new StepMessage(new float[] { 1, 2, 3 }, 0)).Text, Does.Contain("\"code\":\"bad_action\""));
        Assert.That(session.Handle(new StepMessage(1L, 0)).Binary, Is.Not.Null);
        Assert.That(session.Handle(new StepMessage(1L, 0)).Text, Does.Contain("\"code\":\"episode_over\"").And.Contain("Press R"));
        string recorded = session.Handle(new RecordMessage()).Text!;
        Assert.That(recorded, Does.Contain("\"type\":\"recorded\"").And.Contain("\"steps\":1").And.Contain("\"interrupted\":false"));
    }

    /// <summary>A <paramref name="width"/>x<paramref name="height"/> PNG of seeded noise.</summary>
    internal static byte[] Picture(int width, int height, int seed = 1)
    {
        var rgb = new byte[width * height * 3];
        new Random(seed).NextBytes(rgb);
        return RtfmGym.Imaging.PngWriter.Encode(width, height, rgb);
    }

    /// <summary>The header of a frame packet.</summary>
    internal static System.Text.Json.Nodes.JsonObject Header(byte[] packet) =>
        System.Text.Json.Nodes.JsonNode.Parse(System.Text.Encoding.UTF8.GetString(packet, 4, BitConverter.ToInt32(packet, 0)))!.AsObject();

    [Test]
    public void Handle_StartImage_MemoryHoldsTheFittedPictureAndTheRecordReplays()
    {
        using FrameModel model = FrameModel.Create(FrameModelConfig.Tiny, seed: 3);
        using var frames = new ModelFrameSource(model);
        using var session = new PlaySession(1, new RtfmEnvironment(TestScenarios.Small(), frames, new SpatialMemory()), _dir);
        session.Reset(5);
        byte[] reply = session.Handle(new StartImageMessage("wide.png", Picture(48, 32), null)).Binary!;
        var header = Header(reply);
        RtfmEnvironment env = session.Environment;
        Assert.Multiple(() =>
        {
            Assert.That(header["type"]!.GetValue<string>(), Is.EqualTo("reset"));
            Assert.That(header["start_image"]!["resized"]!.GetValue<bool>(), Is.True);
            Assert.That(header.ContainsKey("note"), Is.False, "the model reads the memory");
            Assert.That(env.EpisodeSeed, Is.EqualTo(5), "the episode's seed is kept");
            Assert.That(env.Memory!.Entries.First().Frame.Width, Is.EqualTo(32), "fitted to the camera");
            Assert.That(env.Memory.Entries.First().Pose, Is.EqualTo(env.Pose), "seen from the start pose");
        });
        foreach (long action in new long[] { 1, 2, 1 }) session.Handle(new StepMessage(action, 0));
        EpisodeRecord record = EpisodeRecordReader.FromJson(session.BuildRecord().ToJson(), "play.json");
        using var replayFrames = new ModelFrameSource(model);
        Assert.That(EpisodeReplayer.Replay(record, replayFrames).Steps, Is.EqualTo(3));
    }

    [Test]
    public void Handle_StartImageWithGroundTruthFrames_ResetsWithANote()
    {
        using var session = new PlaySession(1, new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory()), _dir);
        session.Reset(null);
        var header = Header(session.Handle(new StartImageMessage("room.png", Picture(32, 32), null)).Binary!);
        Assert.That(header["note"]!.GetValue<string>(), Does.Contain("never reads the memory"));
        Assert.That(header["start_image"]!["resized"]!.GetValue<bool>(), Is.False);
    }

    private static IEnumerable<TestCaseData> BadUploads()
    {
        yield return new TestCaseData(new StartImageMessage("notes.txt", "hello, world"u8.ToArray(), null), "not a PNG").SetName("Handle_UploadNotPng_BadImage");
        byte[] corrupt = Picture(32, 32);
        corrupt[^20] ^= 0x55;
        yield return new TestCaseData(new StartImageMessage("corrupt.png", corrupt, null), "corrupt").SetName("Handle_UploadCorrupt_BadImage");
        yield return new TestCaseData(new StartImageMessage("huge.png", new byte[RtfmGym.Env.Scenarios.StartImage.MaxFileBytes + 1], null), "too large").SetName("Handle_UploadTooLarge_BadImage");
        yield return new TestCaseData(new StartImageMessage("far.png", Picture(32, 32), new RtfmGym.Env.Geometry.FloorPose(new System.Numerics.Vector2(-50, 1), 0)), "outside world")
            .SetName("Handle_UploadPoseOutsideWorld_BadImage");
    }

    [TestCaseSource(nameof(BadUploads))]
    public void Handle_BadUpload_BadImageErrorAndTheWalkGoesOn(StartImageMessage upload, string reason)
    {
        using var session = new PlaySession(1, new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory()), _dir);
        session.Reset(null);
        string reply = session.Handle(upload).Text!;
        Assert.That(reply, Does.Contain("\"code\":\"bad_image\"").And.Contain(reason).And.Contain(upload.Name));
        Assert.That(session.Environment.StartImages, Is.Empty, "nothing changed");
        Assert.That(session.Handle(new StepMessage(1L, 0)).Binary, Is.Not.Null);
    }
}
