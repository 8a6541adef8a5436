using System.Runtime.Versioning;
using NUnit.Framework;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Zmq;
using RtfmGym.Env;

namespace RtfmGym.Bridge.Tests.Server;

[TestFixture]
public sealed class CurveKeyFileTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        Assume.That(ZmqCurve.IsAvailable, "libzmq built without CURVE");
        Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-keys-{Guid.NewGuid():N}"));
    }

    [TearDown]
    public void RemoveDir()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [TestCase("garbage", "not a CURVE key file")]
    [TestCase("public-key = \"~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\"", "not a CURVE key file")]
    [TestCase("secret-key = \"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"", "not a CURVE key file")]
    [TestCase("", "not a CURVE key file")]
    public void Load_BadFile_NamesFile(string text, string message)
    {
        string path = Path.Combine(_dir, "bad.key");
        File.WriteAllText(path, text);
        var e = Assert.Throws<RtfmGymException>(() => CurveKeyFile.Load(path));
        Assert.That(e!.Message, Does.StartWith(path + ": ").And.Contain(message));
    }

    [Test]
    public void Load_HugeFile_RefusedNamingFile()
    {
        string path = Path.Combine(_dir, "huge.key");
        using (var f = File.Create(path)) f.SetLength(CurveKeyFile.MaxFileBytes + 1);
        var e = Assert.Throws<RtfmGymException>(() => CurveKeyFile.Load(path));
        Assert.That(e!.Message, Does.StartWith(path + ": too large"));
    }

    [Test]
    public void LoadPublicKeys_ReadmeBesideKeys_SkippedAndReported()
    {
        var (pub, _) = ZmqCurve.GenerateKeyPair();
        CurveKeyFile.Save(Path.Combine(_dir, "alice.key"), pub, null);
        File.WriteAllText(Path.Combine(_dir, "README"), "client keys live here\n");
        var skipped = new List<string>();
        Assert.That(CurveKeyFile.LoadPublicKeys(_dir, skipped.Add), Is.EqualTo(new[] { pub }));
        Assert.That(skipped, Is.EqualTo(new[] { Path.Combine(_dir, "README") }));
    }

    [Test]
    public void LoadPublicKeys_GarbageKeyFile_NamesFile()
    {
        File.WriteAllText(Path.Combine(_dir, "mallory.key"), "not a key\n");
        var e = Assert.Throws<RtfmGymException>(() => CurveKeyFile.LoadPublicKeys(_dir));
        Assert.That(e!.Message, Does.StartWith(Path.Combine(_dir, "mallory.key") + ": "));
    }

    [Test]
    public void LoadPublicKeys_NoKeyFiles_RefusedSayingNobodyCouldConnect()
    {
        File.WriteAllText(Path.Combine(_dir, "README"), "empty\n");
        var e = Assert.Throws<RtfmGymException>(() => CurveKeyFile.LoadPublicKeys(_dir));
        Assert.That(e!.Message, Does.Contain("no client could connect"));
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Save_SecretKey_OwnerOnlyAndNoTemporaryLeft()
    {
        var (pub, sec) = ZmqCurve.GenerateKeyPair();
        string path = Path.Combine(_dir, "server.key_secret");
        CurveKeyFile.Save(path, pub, sec);
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { path }));
        Assert.That(CurveKeyFile.Load(path), Is.EqualTo(new CurveKeyFile.Keys(pub, sec)));
    }
}
