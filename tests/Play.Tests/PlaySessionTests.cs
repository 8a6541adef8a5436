using RtfmGym.Env;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.Memory;
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
}
