using RtfmGym.Cli.Output;

namespace RtfmGym.Cli.Tests.Output;

public class VideoWriterTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-video-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    private static byte[] Frame(int i) => Enumerable.Repeat((byte)(i * 7), 32 * 32 * 3).ToArray();

    [Test]
    public void Finish_StreamedFrames_OneVideoAndNoTemporaryFiles()
    {
        string path;
        using (var video = new VideoWriter(Path.Combine(_dir, "video"), 32, 32))
        {
            for (int i = 0; i < 20; i++) video.Add(Frame(i));
            Assert.That(video.Count, Is.EqualTo(20));
            path = video.Finish();
        }
        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { Path.GetFileName(path) }));
        Assert.That(path, Does.EndWith(".mp4").Or.EndWith(".apng.png"));
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(0));
    }

    [Test]
    public void Dispose_Unfinished_RemovesTemporaryFiles()
    {
        using (var video = new VideoWriter(Path.Combine(_dir, "video"), 32, 32))
        {
            for (int i = 0; i < 5; i++) video.Add(Frame(i));
            Assert.That(Directory.GetFiles(_dir), Is.Not.Empty, "frames go to disk as they come");
        }
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
    }
}
