using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;

namespace RtfmGym.Torch.Tests;

public class SafeTensorsTests : TorchTestBase
{
    private string _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("rtfm-st-").FullName;

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    private string Write(params (string name, Tensor tensor)[] tensors)
    {
        var path = Path.Combine(_dir, "t.safetensors");
        SafeTensors.Save(path, tensors.Select(t => KeyValuePair.Create(t.name, t.tensor)), new Dictionary<string, string> { ["format"] = "pt" });
        return path;
    }

    [Test]
    public void Save_TwoTensors_FileLayoutFollowsSpec()
    {
        var path = Write(("a", F([1, 2, 3, 4, 5, 6], 2, 3)), ("b", torch.tensor(new long[] { 7 })));
        var bytes = File.ReadAllBytes(path);
        // Parsed independently of the reader under test.
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.That((8 + headerLength) % 8, Is.EqualTo(0), "data section is 8-byte aligned");
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength).TrimEnd(' '));
        var root = header.RootElement;
        Assert.That(root.GetProperty("__metadata__").GetProperty("format").GetString(), Is.EqualTo("pt"));
        var a = root.GetProperty("a");
        Assert.That(a.GetProperty("dtype").GetString(), Is.EqualTo("F32"));
        Assert.That(a.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(a.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new long[] { 0, 24 }));
        var b = root.GetProperty("b");
        Assert.That(b.GetProperty("dtype").GetString(), Is.EqualTo("I64"));
        Assert.That(b.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()), Is.EqualTo(new long[] { 24, 32 }));
        Assert.That(bytes.Length, Is.EqualTo(8 + headerLength + 32));
        var data = bytes.AsSpan(8 + headerLength);
        Assert.That(BinaryPrimitives.ReadSingleLittleEndian(data[20..]), Is.EqualTo(6f));
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(data[24..]), Is.EqualTo(7));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temp file left behind");
    }

    [Test]
    public void SaveLoad_AllDtypes_RoundTrip()
    {
        var source = new[] { ScalarType.Float32, ScalarType.Float16, ScalarType.BFloat16, ScalarType.Float64, ScalarType.Int64, ScalarType.Int32, ScalarType.UInt8, ScalarType.Bool }
            .Select(d => ($"t_{d}", F([1, 0, 1, 1], 2, 2).to(d))).ToArray();
        var path = Write(source);
        using var file = SafeTensors.Load(path);
        foreach (var (name, tensor) in source)
        {
            Assert.That(file.Tensors[name].dtype, Is.EqualTo(tensor.dtype), name);
            AssertShape(file.Tensors[name], 2, 2);
            AssertValues(file.Tensors[name], [1, 0, 1, 1]);
        }
    }

    [Test]
    public void Load_PythonSafetensors_ReadsOurFile()
    {
        if (!PythonHasSafetensors())
        {
            Assert.Ignore("python3 with the safetensors module is not installed; layout is covered by Save_TwoTensors_FileLayoutFollowsSpec");
        }
        var path = Write(("w", F([1.5f, -2], 2)));
        var psi = new ProcessStartInfo("python3", ["-c", $"from safetensors import safe_open\nf=safe_open('{path}','np')\nprint(f.get_tensor('w').tolist(), f.metadata())"])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(output.Trim(), Is.EqualTo("[1.5, -2.0] {'format': 'pt'}"));
    }

    private static bool PythonHasSafetensors()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import safetensors, numpy"]) { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [TestCase(new byte[] { 1, 2, 3 }, "shorter than the 8-byte header")]
    [TestCase(new byte[] { 255, 0, 0, 0, 0, 0, 0, 0, 0 }, "does not fit")]
    [TestCase(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'x' }, "not a valid safetensors file")]
    public void Load_CorruptFile_ThrowsTorchException(byte[] content, string message)
    {
        var path = Path.Combine(_dir, "bad.safetensors");
        File.WriteAllBytes(path, content);
        var e = Assert.Throws<TorchException>(() => SafeTensors.Load(path));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void Load_OffsetsBeyondData_ThrowsNamingTensor()
    {
        var header = Encoding.UTF8.GetBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}");
        var bytes = new byte[8 + header.Length + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        var path = Path.Combine(_dir, "short.safetensors");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<TorchException>(() => SafeTensors.Load(path));
        Assert.That(e!.Message, Does.Contain("'w'"));
    }
}
