using System.Diagnostics;
using NUnit.Framework;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Tests.Protocol;

[TestFixture]
public sealed class WireCodecTests
{
    [TestCase(DType.UInt8)]
    [TestCase(DType.Bool)]
    [TestCase(DType.Int32)]
    [TestCase(DType.Int64)]
    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    public void NDArray_RoundTrip_Identical(DType dtype)
    {
        var rng = new Random((int)dtype);
        var bytes = new byte[2 * 3 * 4 * dtype.Size()];
        rng.NextBytes(bytes);
        if (dtype == DType.Bool) bytes = bytes.Select(b => (byte)(b & 1)).ToArray();
        var a = new NDArray(dtype, [2, 3, 4], bytes);
        var w = new MsgPackWriter();
        WireWriter.WriteValue(w, a);
        var back = WireReader.ToValue(MsgPackReader.Decode(w.ToArray()));
        Assert.That(back, Is.EqualTo(a));
    }

    [Test]
    public void ToNDArray_DataLengthMismatch_BadMessage()
    {
        var map = (MsgPackMap)MsgPackReader.Decode(MsgPackWriter.Encode(new Dictionary<string, object?>
        {
            ["nd"] = true, ["type"] = "<f4", ["kind"] = "", ["shape"] = new long[] { 3 }, ["data"] = new byte[11],
        }))!;
        var e = Assert.Throws<BridgeException>(() => WireReader.ToNDArray(map))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.BadMessage));
    }

    [Test]
    public void ToValue_ListForBox_BecomesNDArrayOfBoxType()
    {
        var box = new BoxSpace(-1, 1, [2], DType.Float32);
        var v = WireReader.ToValue(new object?[] { 0.5, -1L }, box);
        Assert.That(v, Is.EqualTo(NDArray.Vector(0.5f, -1f)));
    }

    [Test]
    public void SpaceCodec_NestedDict_RoundTripsToSameSpace()
    {
        Space space = new DictSpace(
        [
            new("rgb", new BoxSpace(0, 255, [4, 4, 3], DType.UInt8)),
            new("goal", new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [2], DType.Float32)),
            new("mode", new DiscreteSpace(3, start: 1)),
            new("keys", new MultiDiscreteSpace(2, 5)),
        ]);
        var w = new MsgPackWriter();
        WireWriter.WriteValue(w, space);
        var back = SpaceCodec.FromWire(MsgPackReader.Decode(w.ToArray()));
        Assert.That(back.ToString(), Is.EqualTo(space.ToString()));
    }

    [Test]
    public void SpaceCodec_UniformBounds_SentAsScalarsAndReadBack()
    {
        var rgb = new BoxSpace(0, 255, [128, 128, 3], DType.UInt8);
        var w = new MsgPackWriter();
        WireWriter.WriteValue(w, rgb);
        var map = (MsgPackMap)MsgPackReader.Decode(w.ToArray())!;
        Assert.That((map.TryGetValue("low", out object? low) ? low : null, map.TryGetValue("high", out object? high) ? high : null), Is.EqualTo((0.0, 255.0)));
        Assert.That(w.Length, Is.LessThan(200), "not 2 x 128 x 128 x 3 float64s");
        Assert.That(SpaceCodec.FromWire(map).ToString(), Is.EqualTo(rgb.ToString()));
    }

    [Test]
    public void SpaceCodec_MixedOrArrayBounds_ReadBackFromEitherForm()
    {
        var goal = new BoxSpace([0, -Math.PI], [double.PositiveInfinity, Math.PI], [2]);
        var w = new MsgPackWriter();
        WireWriter.WriteValue(w, goal);
        Assert.That(SpaceCodec.FromWire(MsgPackReader.Decode(w.ToArray())).ToString(), Is.EqualTo(goal.ToString()));
        // The 1.0 form, bounds as arrays even when uniform, is still read.
        var ow = new MsgPackWriter();
        WireWriter.WriteValue(ow, new Dictionary<string, object?>
        {
            ["type"] = "box", ["dtype"] = "uint8", ["shape"] = new long[] { 2, 2 },
            ["low"] = NDArray.From<double>(new double[4], 2, 2), ["high"] = NDArray.From<double>([255, 255, 255, 255], 2, 2),
        });
        Assert.That(SpaceCodec.FromWire(MsgPackReader.Decode(ow.ToArray())).ToString(), Is.EqualTo(new BoxSpace(0, 255, [2, 2], DType.UInt8).ToString()));
    }

    [TestCase("low", "text", TestName = "SpaceCodec_BoundNotNumber_BadMessage")]
    [TestCase("shape", 1L << 40, TestName = "SpaceCodec_HugeScalarBox_BadMessage")]
    public void SpaceCodec_BadBox_BadMessage(string key, object value)
    {
        var fields = new Dictionary<string, object?> { ["type"] = "box", ["dtype"] = "float32", ["shape"] = new long[] { 2 }, ["low"] = 0.0, ["high"] = 1.0 };
        fields[key] = key == "shape" ? new[] { value, value } : value;
        var e = Assert.Throws<BridgeException>(() => SpaceCodec.FromWire(MsgPackReader.Decode(MsgPackWriter.Encode(fields))))!;
        Assert.That(e.Code, Is.EqualTo(ErrorCodes.BadMessage));
    }

    [Test]
    public void NDArray_ThroughPythonNumpy_DecodedWithoutCopyAndSentBack()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) Assert.Ignore("python3 not installed");
        const string script = """
            import sys, msgpack, numpy as np
            def hook(m):
                if m.get(b"nd") is True:
                    return np.frombuffer(m[b"data"], dtype=np.dtype(m[b"type"])).reshape(m[b"shape"])
                return m
            a = msgpack.unpackb(sys.stdin.buffer.read(), object_hook=hook, raw=False)
            assert a.dtype == np.uint8 and a.shape == (64, 64, 3), (a.dtype, a.shape)
            assert not a.flags.owndata  # a view on the message buffer: no copy
            out = (a.astype(np.float32) / 2).astype("<f4")
            sys.stdout.buffer.write(msgpack.packb({b"nd": True, b"type": out.dtype.str, b"kind": b"", b"shape": list(out.shape), b"data": out.tobytes()}, use_bin_type=True))
            """;
        var bytes = new byte[64 * 64 * 3];
        new Random(3).NextBytes(bytes);
        var w = new MsgPackWriter();
        WireWriter.WriteValue(w, new NDArray(DType.UInt8, [64, 64, 3], bytes));

        var psi = new ProcessStartInfo(python, ["-c", script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var output = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(output);
        p.StandardInput.BaseStream.Write(w.Written.Span);
        p.StandardInput.Close();
        string err = p.StandardError.ReadToEnd();
        Assert.That(p.WaitForExit(60_000), Is.True);
        copy.Wait();
        Assert.That(p.ExitCode, Is.Zero, err);

        var back = (NDArray)WireReader.ToValue(MsgPackReader.Decode(output.ToArray()))!;
        Assert.That(back.Dtype, Is.EqualTo(DType.Float32));
        Assert.That(back.Shape, Is.EqualTo(new[] { 64, 64, 3 }));
        Assert.That(back.AsSpan<float>()[10], Is.EqualTo(bytes[10] / 2f));
    }
}
