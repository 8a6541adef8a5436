using System.Diagnostics;
using NUnit.Framework;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Tests.Support;

namespace RtfmGym.Bridge.Tests.MessagePack;

/// <summary>Round trips through Debian's python3-msgpack (the library the Python client uses).</summary>
[TestFixture]
public sealed class MsgPackPythonRoundTripTests
{
    private const string Python = "/usr/bin/python3";

    // Reads one msgpack value on stdin, re-encodes it (bin type on, ext and timestamps kept)
    // and writes it back, followed by a value of Python's own making.
    private const string Script = """
        import sys, msgpack
        data = sys.stdin.buffer.read()
        v = msgpack.unpackb(data, raw=False, strict_map_key=False, timestamp=0)
        own = {"int": [0, -1, -33, 128, -129, 2**31, -2**63, 2**64 - 1], "f": [0.5, -1e300],
               "s": "héllo ✓", "b": b"\x00\x01\xff" * 100, "n": None, "t": True,
               "nest": [[{"k": []}]], "ts": msgpack.Timestamp(1514862245, 678901234),
               "ext": msgpack.ExtType(5, b"abc"), 7: "int key"}
        sys.stdout.buffer.write(msgpack.packb(v, use_bin_type=True) + msgpack.packb(own, use_bin_type=True))
        """;

    [Test]
    public void RoundTrip_RandomValuesThroughPython_Equal()
    {
        if (!File.Exists(Python)) Assert.Ignore("python3 not installed (scripts/setup.sh --tests installs it)");
        var rng = new Random(42);
        object?[] values = Enumerable.Range(0, 300).Select(_ => RandomValue(rng, 0)).ToArray();
        byte[] reply = RunPython(MsgPackWriter.Encode(values));
        int firstLength = MsgPackWriter.Encode(values).Length;
        object? echoed = MsgPackReader.Decode(reply.AsMemory(0, firstLength));
        Assert.That(MsgPackValues.DeepEquals(values, echoed), Is.True);

        var own = (MsgPackMap)MsgPackReader.Decode(reply.AsMemory(firstLength))!;
        Assert.That(own.TryGetValue("s", out object? s) && (string)s! == "héllo ✓");
        own.TryGetValue("int", out object? ints);
        Assert.That(MsgPackValues.DeepEquals(ints, new object[] { 0L, -1L, -33L, 128L, -129L, 2147483648L, long.MinValue, ulong.MaxValue }), Is.True);
        own.TryGetValue("ts", out object? ts);
        Assert.That(ts, Is.EqualTo(new MsgPackTimestamp(1514862245, 678901234)));
        own.TryGetValue("ext", out object? ext);
        Assert.That(MsgPackValues.DeepEquals(ext, new MsgPackExtension(5, "abc"u8.ToArray())), Is.True);
        Assert.That(MsgPackValues.DeepEquals(own[^1].Key, 7L), Is.True);
        // And back: what Python produced re-encodes to the bytes Python wrote.
        Assert.That(MsgPackWriter.Encode(own), Is.EqualTo(reply.AsMemory(firstLength).ToArray()));
    }

    private static byte[] RunPython(byte[] input)
    {
        var psi = new ProcessStartInfo(Python, ["-c", Script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var output = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
        p.StandardInput.BaseStream.Write(input);
        p.StandardInput.Close();
        string err = p.StandardError.ReadToEnd();
        Assert.That(p.WaitForExit(60_000), Is.True, "python3 did not finish in 60 s");
        copy.Wait();
        Assert.That(p.ExitCode, Is.Zero, err);
        return output.ToArray();
    }

    private static object? RandomValue(Random rng, int depth)
    {
        int kind = rng.Next(depth > 3 ? 9 : 11);
        return kind switch
        {
            0 => null,
            1 => rng.Next(2) == 0,
            2 => (long)rng.Next(-200, 200),
            3 => rng.NextInt64(long.MinValue, long.MaxValue) >> rng.Next(64),
            4 => (ulong)rng.NextInt64() | (1UL << 63),
            5 => rng.NextDouble() * 1e6 - 5e5,
            6 => new string(Enumerable.Range(0, rng.Next(0, 300)).Select(_ => (char)rng.Next(0x20, 0x3000)).Where(c => !char.IsSurrogate(c)).ToArray()),
            7 => RandomBytes(rng, rng.Next(0, 70_000)),
            8 => new MsgPackTimestamp(rng.NextInt64(-100_000_000_000, 100_000_000_000), (uint)rng.Next(0, 1_000_000_000)),
            9 => Enumerable.Range(0, rng.Next(0, 20)).Select(_ => RandomValue(rng, depth + 1)).ToArray(),
            _ => new MsgPackMap(Enumerable.Range(0, rng.Next(0, 20))
                .Select(i => new KeyValuePair<object?, object?>("k" + i, RandomValue(rng, depth + 1))).ToArray()),
        };
    }

    private static byte[] RandomBytes(Random rng, int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }
}
