using RtfmGym.Env.IO;

namespace RtfmGym.Env.Tests.IO;

public class AtomicFileTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-atomic-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    private string Leftover(string name, TimeSpan age)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, "half a file");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    [Test]
    public void RemoveStaleTemporaries_OldOnesOfOurs_RemovedOthersKept()
    {
        string stale = Leftover($".episode.json.4242.{Guid.NewGuid():N}.tmp", TimeSpan.FromHours(2));
        string fresh = Leftover($".episode.json.4243.{Guid.NewGuid():N}.tmp", TimeSpan.FromMinutes(5));
        string notOurs = Leftover(".cache.tmp", TimeSpan.FromDays(3));
        string data = Leftover("episode.json", TimeSpan.FromDays(3));

        Assert.That(AtomicFile.RemoveStaleTemporaries(_dir, AtomicFile.StaleAfter), Is.EqualTo(1));
        Assert.That(File.Exists(stale), Is.False);
        Assert.That(new[] { fresh, notOurs, data }.All(File.Exists), Is.True);
    }

    [Test]
    public void WriteAllBytes_FirstWriteIntoFolder_SweepsStaleTemporaries()
    {
        string stale = Leftover($".frame.png.77.{Guid.NewGuid():N}.tmp", TimeSpan.FromHours(3));
        AtomicFile.WriteAllText(Path.Combine(_dir, "summary.json"), "{}");
        Assert.That(File.Exists(stale), Is.False);
        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "summary.json" }));
    }

    [Test]
    public void CheckWritable_WritableFile_PassesAndLeavesNothing()
    {
        AtomicFile.CheckWritable(Path.Combine(_dir, "sub", "memory.rtfmmem"), "--memory-out");
        Assert.That(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [TestCase("folder", "is a folder")]
    [TestCase("under-a-file", "cannot be written")]
    public void CheckWritable_BadPath_RefusedNamingOption(string kind, string problem)
    {
        string path = kind == "folder" ? _dir : Path.Combine(Leftover("plain.txt", TimeSpan.Zero), "memory.rtfmmem");
        var e = Assert.Throws<RtfmGymException>(() => AtomicFile.CheckWritable(path, "--memory-out"));
        Assert.That(e!.Message, Does.StartWith("--memory-out").And.Contain(problem));
    }
}
