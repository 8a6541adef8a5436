namespace RtfmGym.Cli.Tests.Commands;

/// <summary><c>run</c> and <c>replay</c> with scenarios that start from images (the shipped picture, copied next to a small scenario).</summary>
public class StartImagesCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-cli-images-{Guid.NewGuid():N}"));
        File.Copy(Path.Combine(CliRunner.RepoRoot, "scenarios", "images", "other-world-room.png"), Path.Combine(_dir, "room.png"));
    }

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    /// <summary>A five-step scenario at <paramref name="size"/> pixels starting from room.png (64x64).</summary>
    private void WriteScenario(int size = 64) => File.WriteAllText(Path.Combine(_dir, "scene.yaml"), $"""
        name: scene
        max_steps: 5
        world: {"{"} seed: 7, rooms: 4 {"}"}
        camera: {"{"} width: {size}, height: {size} {"}"}
        task: {"{"} kind: explore {"}"}
        start_images:
          - file: room.png
        """);

    [Test]
    public void Run_ImagesWithTheModel_RecordReplaysWithoutTheImageFile()
    {
        WriteScenario();
        var r = CliRunner.Run(_dir, "run", "scene.yaml", "--no-frames", "--out", "out");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(r.Err, Does.Not.Contain("never read the memory"));
        File.Delete(Path.Combine(_dir, "room.png"));
        var replay = CliRunner.Run(_dir, "replay", Path.Combine("out", "episode-000", "episode.json"));
        Assert.That(replay.ExitCode, Is.EqualTo(0), replay.Err);
        Assert.That(replay.Out, Does.Contain("replay matches").And.Contain("frames from model"));
    }

    [Test]
    public void Run_ImagesWithGroundTruthFrames_NotesThatTheImagesChangeNothing()
    {
        WriteScenario();
        var r = CliRunner.Run(_dir, "run", "scene.yaml", "--frames", "ground-truth", "--no-frames", "--out", "out");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Err);
        Assert.That(r.Err, Does.Contain("note:").And.Contain("never read the memory"));
    }

    [Test]
    public void Run_ImageOfAnotherSize_ExitsTwoNamingFileLineAndField()
    {
        WriteScenario(size: 32);
        var r = CliRunner.Run(_dir, "run", "scene.yaml", "--no-frames", "--out", "out");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.Contain("rtfmgym: error:").And.Contain("scene.yaml:7: start_images[0].file: 'room.png' is 64x64 pixels, but the camera is 32x32"));
        Assert.That(r.Err, Does.Not.Contain("   at "), "no stack trace");
    }
}
