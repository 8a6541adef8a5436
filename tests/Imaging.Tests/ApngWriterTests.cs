using RtfmGym.Imaging;

namespace RtfmGym.Imaging.Tests;

public class ApngWriterTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-apng-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void ApngWriter_StreamedToFile_SameBytesAsEncodedInMemory()
    {
        var rng = new Random(3);
        byte[][] frames = Enumerable.Range(0, 5).Select(_ => { var f = new byte[4 * 3 * 3]; rng.NextBytes(f); return f; }).ToArray();
        string path = Path.Combine(_dir, "a.png");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            var writer = new ApngWriter(file, 4, 3, 10);
            foreach (byte[] f in frames) writer.Add(f);
            writer.Finish();
        }
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(PngWriter.EncodeAnimated(4, 3, frames, 10)));
        Assert.That(BitConverter.ToInt32(File.ReadAllBytes(path).AsSpan(41, 4).ToArray().Reverse().ToArray()), Is.EqualTo(5), "acTL holds the frame count");
    }
}
