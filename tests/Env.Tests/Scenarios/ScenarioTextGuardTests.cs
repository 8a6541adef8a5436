using System.Text;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Tests.Scenarios;

public class ScenarioTextGuardTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-guard-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    // Each hostile text: what the error must say. The first two overflowed the stack of the YAML parser.
    private static IEnumerable<TestCaseData> HostileTexts()
    {
        yield return Case("flow brackets 50000 deep", "name: a\nx: " + new string('[', 50_000) + new string(']', 50_000) + "\n", "nested deeper than 16");
        yield return Case("flow maps 50000 deep", "name: a\nx: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)) + "1" + new string('}', 50_000) + "\n", "nested deeper than 16");
        yield return Case("block nesting 40 deep", "name: a\n" + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + $"k{i}:\n")) + new string(' ', 80) + "v\n", "nested deeper than 16");
        yield return Case("second document", "name: a\n---\nname: b\n", "a second YAML document");
        yield return Case("alias", "name: &n a\ndescription: *n\n", "anchors");
        yield return Case("too large", "name: a\ndescription: " + new string('x', ScenarioTextGuard.MaxBytes) + "\n", "too large");
        yield return Case("NUL characters", "n\0a\0m\0e\0", "NUL");
    }

    private static TestCaseData Case(string name, string text, string message) =>
        new TestCaseData(text, message).SetName($"Parse_{name.Replace(' ', '_')}_RefusedBeforeParsing");

    [TestCaseSource(nameof(HostileTexts))]
    public void Parse_HostileText_RefusedBeforeParsing(string text, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "hostile.yaml"));
        Assert.That(e!.Message, Does.StartWith("hostile.yaml:").And.Contain(message));
    }

    [Test]
    public void Parse_DeepNestingOnSmallStack_RefusedWithoutOverflow()
    {
        // Worker threads have small stacks; the check must not recurse per level.
        string text = "name: a\nx: " + new string('[', 200_000) + "\n";
        Exception? caught = null;
        var t = new Thread(() => caught = Record(() => ScenarioLoader.Parse(text, "deep.yaml")), maxStackSize: 256 * 1024);
        t.Start();
        t.Join();
        Assert.That(caught, Is.TypeOf<ScenarioException>());
        Assert.That(caught!.Message, Does.Contain("nested deeper"));
    }

    [Test]
    public void Load_Utf16WithByteOrderMark_SaysSaveAsUtf8()
    {
        string path = Path.Combine(_dir, "wide.yaml");
        File.WriteAllText(path, "name: wide\n", Encoding.Unicode);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.That(e!.Message, Does.StartWith(path).And.Contain("UTF-16").And.Contain("UTF-8"));
    }

    [Test]
    public void Load_Utf16WithoutByteOrderMark_Refused()
    {
        string path = Path.Combine(_dir, "wide.yaml");
        File.WriteAllBytes(path, new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes("name: wide\n"));
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.That(e!.Message, Does.StartWith(path).And.Contain("UTF-16"));
    }

    [Test]
    public void Load_InvalidUtf8_NamesTheByte()
    {
        string path = Path.Combine(_dir, "latin1.yaml");
        File.WriteAllBytes(path, [.. "name: caf"u8, 0xE9, (byte)'\n']);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.That(e!.Message, Does.StartWith(path).And.Contain("not UTF-8 text at byte 9"));
    }

    [Test]
    public void Load_Utf8WithByteOrderMark_Accepted()
    {
        string path = Path.Combine(_dir, "bom.yaml");
        File.WriteAllText(path, "name: bom\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.That(ScenarioLoader.Load(path).Name, Is.EqualTo("bom"));
    }

    [Test]
    public void Load_FileOverLimit_RefusedBeforeReading()
    {
        string path = Path.Combine(_dir, "big.yaml");
        using (var f = File.Create(path)) f.SetLength(ScenarioTextGuard.MaxBytes + 1L);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.That(e!.Message, Does.StartWith(path).And.Contain("too large"));
    }

    [Test]
    public void Load_DevZero_RefusedAsTooLarge()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("/dev/zero"));
        Assert.That(e!.Message, Does.StartWith("/dev/zero").And.Contain("too large"));
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
