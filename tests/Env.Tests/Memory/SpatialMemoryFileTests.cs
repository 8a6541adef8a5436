using RtfmGym.Env.Memory;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class SpatialMemoryFileTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "rtfm-memory-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string SavedFile()
    {
        var memory = new SpatialMemory(new SpatialMemoryOptions { CellSize = 0.25f, HeadingBins = 8 });
        memory.Insert(At(0.1f, 0.2f, 30), Varied(1), 3);
        memory.Insert(At(-2, 5, -120), Flat(9), 4); // no depth
        memory.Insert(At(1.3f, -0.7f, 170), Varied(2), 7);
        string path = Path.Combine(_dir, "bank.rtfmmem");
        SpatialMemoryFile.Save(memory, path);
        return path;
    }

    [Test]
    public void SaveLoad_RoundTrip_IdenticalEntries()
    {
        var memory = new SpatialMemory(new SpatialMemoryOptions { CellSize = 0.25f, HeadingBins = 8 });
        memory.Insert(At(0.1f, 0.2f, 30), Varied(1), 3);
        memory.Insert(At(-2, 5, -120), Flat(9), 4, generationDepth: 3);
        memory.Insert(At(1.3f, -0.7f, 170), Varied(2), 7);
        memory.Retrieve(At(0, 0), Camera, 1);
        string path = Path.Combine(_dir, "bank.rtfmmem");
        SpatialMemoryFile.Save(memory, path);

        SpatialMemory loaded = SpatialMemoryFile.Load(path);
        Assert.That(loaded.Options, Is.EqualTo(memory.Options));
        Assert.That(loaded.LatestStep, Is.EqualTo(7));
        var expected = memory.Entries.ToArray();
        var actual = loaded.Entries.ToArray();
        Assert.That(actual, Has.Length.EqualTo(3));
        for (int i = 0; i < 3; i++)
        {
            Assert.That(actual[i].Id, Is.EqualTo(expected[i].Id));
            Assert.That(actual[i].Pose, Is.EqualTo(expected[i].Pose));
            Assert.That(actual[i].Step, Is.EqualTo(expected[i].Step));
            Assert.That(actual[i].GenerationDepth, Is.EqualTo(expected[i].GenerationDepth));
            Assert.That(actual[i].Frame.Rgb, Is.EqualTo(expected[i].Frame.Rgb));
            Assert.That(actual[i].Frame.Depth, Is.EqualTo(expected[i].Frame.Depth));
        }
        Assert.That(loaded.Insert(At(9, 9), Flat(0), 8).Id, Is.EqualTo(memory.Insert(At(9, 9), Flat(0), 8).Id), "ids continue where they left off");
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temporary file is left");
    }

    [Test]
    public void SaveLoad_Empty_RoundTrips()
    {
        string path = Path.Combine(_dir, "empty.rtfmmem");
        SpatialMemoryFile.Save(new SpatialMemory(), path);
        Assert.That(SpatialMemoryFile.Load(path).Count, Is.EqualTo(0));
    }

    [Test]
    public void SaveLoad_WorldSeed_RoundTripsAndNullStaysNull()
    {
        var memory = new SpatialMemory { WorldSeed = 0xFEED_0000_0000_0007 };
        memory.Insert(At(0, 0), Flat(1), 0);
        string path = Path.Combine(_dir, "seeded.rtfmmem");
        SpatialMemoryFile.Save(memory, path);
        Assert.That(SpatialMemoryFile.Load(path).WorldSeed, Is.EqualTo(0xFEED_0000_0000_0007));

        SpatialMemoryFile.Save(new SpatialMemory(), path);
        Assert.That(SpatialMemoryFile.Load(path).WorldSeed, Is.Null);
    }

    [Test]
    public void Load_Version1File_LoadsWithUnknownWorld()
    {
        byte[] v1 = OlderVersion(File.ReadAllBytes(SavedFile()), 1);
        string path = Path.Combine(_dir, "v1.rtfmmem");
        File.WriteAllBytes(path, v1);
        SpatialMemory loaded = SpatialMemoryFile.Load(path);
        Assert.That(loaded.WorldSeed, Is.Null);
        Assert.That(loaded.Entries.Select(e => e.Step), Is.EqualTo(new[] { 3, 4, 7 }));
    }

    [Test]
    public void Load_Version2File_EntriesTakenAsGroundTruth()
    {
        var memory = new SpatialMemory();
        memory.Insert(At(0.1f, 0.2f, 30), Varied(1), 3, generationDepth: 2);
        string saved = Path.Combine(_dir, "v3.rtfmmem"), path = Path.Combine(_dir, "v2.rtfmmem");
        SpatialMemoryFile.Save(memory, saved);
        File.WriteAllBytes(path, OlderVersion(File.ReadAllBytes(saved), 2));
        Assert.That(SpatialMemoryFile.Load(path).Entries.Single().GenerationDepth, Is.EqualTo(0));
        Assert.That(SpatialMemoryFile.Load(saved).Entries.Single().GenerationDepth, Is.EqualTo(2));
    }

    /// <summary>
    /// A version-3 file rewritten as version 2 (no generation depth: the 4 bytes after each entry's step) or 1 (also no
    /// world seed, bytes 52 to 60), resealed.
    /// </summary>
    private static byte[] OlderVersion(byte[] v3, int version)
    {
        var body = new List<byte>(v3[..61]);
        int count = BitConverter.ToInt32(v3, 61);
        body.AddRange(v3[61..65]);
        int at = 65;
        for (int i = 0; i < count; i++)
        {
            // id, last use, pose, step (48 bytes), generation depth (4), width, height, depth flag, RGB, depth.
            int width = BitConverter.ToInt32(v3, at + 52), height = BitConverter.ToInt32(v3, at + 56);
            bool depth = v3[at + 60] == 1;
            int length = 61 + width * height * 3 + (depth ? width * height * 4 : 0);
            body.AddRange(v3[at..(at + 48)]);
            body.AddRange(v3[(at + 52)..(at + length)]);
            at += length;
        }
        byte[] b = [.. body];
        if (version == 1) b = [.. b[..52], .. b[61..]];
        BitConverter.GetBytes(version).CopyTo(b, 8);
        return [.. b, .. System.Security.Cryptography.SHA256.HashData(b)];
    }

    public static IEnumerable<TestCaseData> Corruptions()
    {
        yield return new TestCaseData((Func<byte[], byte[]>)(b => b[..0]), "too short").SetName("Load_EmptyFile_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => b[..10]), "too short").SetName("Load_TruncatedInHeader_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => b[..60]), "checksum").SetName("Load_TruncatedInOptions_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => b[..(b.Length / 2)]), "checksum").SetName("Load_TruncatedMidEntry_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => b[..^1]), "checksum").SetName("Load_TruncatedLastByte_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Flip(b, b.Length / 3)), "checksum").SetName("Load_FlippedByte_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Flip(b, b.Length - 1)), "checksum").SetName("Load_FlippedChecksumByte_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Flip(b, 0)), "magic").SetName("Load_BadMagic_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Flip(b, 8)), "version").SetName("Load_BadVersion_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => [.. b, 0]), "checksum").SetName("Load_TrailingByte_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Resealed(b, 61, 0x7f)), "past the end").SetName("Load_EntryCountPastEnd_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Resealed(b, 120, 0x7f)), "impossible header").SetName("Load_HugeFrameWidth_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Resealed(b, 61, 0x01)), "unexpected bytes").SetName("Load_EntryCountTooSmall_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Resealed(b, 52, 0x07)), "world-seed flag is 7").SetName("Load_BadWorldSeedFlag_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Resealed(b, 116, 0x80)), "negative generation depth").SetName("Load_NegativeGenerationDepth_Refused");
        yield return new TestCaseData((Func<byte[], byte[]>)(b => Resealed(b, 8, 0x04)), "version 4 is not supported").SetName("Load_NewerVersion_Refused");
    }

    public static IEnumerable<TestCaseData> BadNumbers()
    {
        // The first entry's pose starts at byte 81 (x, y, z, qx, qy, qz, qw); its depth follows its RGB.
        TestCaseData Case(string name, Func<byte[], byte[]> edit, string problem) => new TestCaseData(edit, problem).SetName($"Load_{name}_Refused");
        yield return Case("PoseXHuge", b => ResealedFloat(b, 81, 3e38f), "pose value 0 = 3E+38");
        yield return Case("PoseXNaN", b => ResealedFloat(b, 81, float.NaN), "pose value 0 = NaN");
        yield return Case("PoseZInfinite", b => ResealedFloat(b, 89, float.PositiveInfinity), "pose value 2 = Infinity");
        yield return Case("QuaternionNaN", b => ResealedFloat(b, 93, float.NaN), "pose value 3 = NaN");
        yield return Case("DepthNaN", b => ResealedFloat(b, FirstDepth(b) + 4 * 10, float.NaN), "depth NaN at pixel 10");
        yield return Case("DepthNegative", b => ResealedFloat(b, FirstDepth(b), -1f), "depth -1 at pixel 0");
    }

    [TestCaseSource(nameof(BadNumbers))]
    public void Load_BadNumber_RefusedNamingEntryAndFix(Func<byte[], byte[]> corrupt, string problem)
    {
        string path = SavedFile();
        File.WriteAllBytes(path, corrupt(File.ReadAllBytes(path)));
        var e = Assert.Throws<RtfmGymException>(() => SpatialMemoryFile.Load(path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("entry 0").And.Contain(problem).And.Contain("--memory-out"));
    }

    [Test]
    public void Load_DeviceFile_RefusedWithoutReadingIt()
    {
        Assume.That(File.Exists("/dev/zero"), Is.True, "needs /dev/zero");
        var e = Assert.Throws<RtfmGymException>(() => SpatialMemoryFile.Load("/dev/zero"));
        Assert.That(e!.Message, Does.Contain("/dev/zero").And.Contain("not a regular file"));
    }

    [Test]
    public void LoadWithDigest_SavedFile_DigestIsTheFilesSha256()
    {
        string path = SavedFile();
        var (memory, sha256) = SpatialMemoryFile.LoadWithDigest(path);
        Assert.That(memory.Count, Is.EqualTo(3));
        Assert.That(sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))));
    }

    [TestCaseSource(nameof(Corruptions))]
    public void Load_CorruptFile_RefusedNamingFileAndProblem(Func<byte[], byte[]> corrupt, string problem)
    {
        string path = SavedFile();
        File.WriteAllBytes(path, corrupt(File.ReadAllBytes(path)));
        var e = Assert.Throws<RtfmGymException>(() => SpatialMemoryFile.Load(path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain(problem));
    }

    private static byte[] Flip(byte[] b, int at)
    {
        byte[] c = (byte[])b.Clone();
        c[at] ^= 0x5a;
        return c;
    }

    // Header layout (version 2): magic 8, version 4, options 20, next id 8, clock 8, latest step 4,
    // world-seed flag 1 at byte 52, world seed 8, then the entry count at byte 61; the first entry's width at 113.

    /// <summary>Writes <paramref name="value"/> at byte <paramref name="at"/> and recomputes the checksum.</summary>
    private static byte[] ResealedFloat(byte[] b, int at, float value)
    {
        byte[] c = (byte[])b.Clone();
        BitConverter.GetBytes(value).CopyTo(c, at);
        System.Security.Cryptography.SHA256.HashData(c.AsSpan(0, c.Length - 32)).CopyTo(c.AsSpan(c.Length - 32));
        return c;
    }

    /// <summary>Where the first entry's depth starts: after its header (generation depth at 113, width at 117, height at 121, depth flag at 125) and RGB.</summary>
    private static int FirstDepth(byte[] b)
    {
        Assert.That(b[125], Is.EqualTo(1), "the first entry has depth");
        return 126 + BitConverter.ToInt32(b, 117) * BitConverter.ToInt32(b, 121) * 3;
    }

    /// <summary>Changes byte <paramref name="at"/> and recomputes the checksum, so the parser itself must catch the damage.</summary>
    private static byte[] Resealed(byte[] b, int at, byte value)
    {
        byte[] c = (byte[])b.Clone();
        c[at] = value;
        System.Security.Cryptography.SHA256.HashData(c.AsSpan(0, c.Length - 32)).CopyTo(c.AsSpan(c.Length - 32));
        return c;
    }
}
