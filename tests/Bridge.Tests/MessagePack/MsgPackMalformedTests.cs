using NUnit.Framework;
using RtfmGym.Bridge.MessagePack;

namespace RtfmGym.Bridge.Tests.MessagePack;

[TestFixture]
public sealed class MsgPackMalformedTests
{
    [TestCase("c1", TestName = "Decode_NeverUsedByte_Throws")]
    [TestCase("", TestName = "Decode_Empty_Throws")]
    [TestCase("cd-00", TestName = "Decode_TruncatedUInt16_Throws")]
    [TestCase("a5-61-62", TestName = "Decode_TruncatedFixStr_Throws")]
    [TestCase("c6-ff-ff-ff-ff", TestName = "Decode_Bin32HugeLength_Throws")]
    [TestCase("c6-7f-ff-ff-ff-00", TestName = "Decode_Bin32LengthBeyondInput_Throws")]
    [TestCase("dd-7f-ff-ff-ff-00", TestName = "Decode_Array32HugeCount_ThrowsBeforeAllocating")]
    [TestCase("df-10-00-00-00-00-00", TestName = "Decode_Map32HugeCount_ThrowsBeforeAllocating")]
    [TestCase("db-80-00-00-00", TestName = "Decode_Str32NegativeAsInt_Throws")]
    [TestCase("a2-c3-28", TestName = "Decode_InvalidUtf8_Throws")]
    [TestCase("d6-ff-00-00", TestName = "Decode_TruncatedTimestamp_Throws")]
    [TestCase("c7-03-ff-00-00-00", TestName = "Decode_TimestampOfThreeBytes_Throws")]
    [TestCase("d7-ff-ff-ff-ff-ff-00-00-00-00", TestName = "Decode_TimestampNanosOutOfRange_Throws")]
    [TestCase("01-02", TestName = "Decode_TrailingBytes_Throws")]
    [TestCase("c9-ff-ff-ff-f0-01", TestName = "Decode_Ext32HugeLength_Throws")]
    public void Decode_Malformed_Throws(string hex)
    {
        byte[] bytes = hex.Length == 0 ? [] : Convert.FromHexString(hex.Replace("-", ""));
        Assert.Throws<MsgPackException>(() => MsgPackReader.Decode(bytes));
    }

    [Test]
    public void Decode_NestingBeyondLimit_Throws()
    {
        byte[] deep = Enumerable.Repeat((byte)0x91, 100).Append((byte)0xc0).ToArray();
        Assert.Throws<MsgPackException>(() => MsgPackReader.Decode(deep, new MsgPackReaderOptions(maxDepth: 64)));
    }

    [Test]
    public void Decode_NestingAtLimit_Succeeds()
    {
        byte[] deep = Enumerable.Repeat((byte)0x91, 63).Append((byte)0xc0).ToArray();
        Assert.DoesNotThrow(() => MsgPackReader.Decode(deep, new MsgPackReaderOptions(maxDepth: 64)));
    }

    [Test]
    public void Decode_EveryPrefixOfValidMessage_ThrowsOrSucceedsWithoutHanging()
    {
        var w = new MsgPackWriter();
        w.Write(new Dictionary<string, object?>
        {
            ["id"] = 7L, ["op"] = "step", ["a"] = new object?[] { 1.5, -3L, "x", new byte[300], null, true },
            ["t"] = new MsgPackTimestamp(-5, 7), ["e"] = new MsgPackExtension(9, new byte[20]),
        });
        byte[] full = w.ToArray();
        for (int n = 0; n < full.Length; n++)
        {
            Assert.Throws<MsgPackException>(() => MsgPackReader.Decode(full.AsMemory(0, n)), $"prefix {n}");
        }
        Assert.That(MsgPackReader.Decode(full), Is.InstanceOf<MsgPackMap>());
    }

    [Test]
    public void Decode_RandomBytes_OnlyMsgPackExceptions()
    {
        var rng = new Random(1234);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] junk = new byte[rng.Next(0, 64)];
            rng.NextBytes(junk);
            try
            {
                MsgPackReader.Decode(junk);
            }
            catch (MsgPackException)
            {
                // Expected for most inputs; anything else fails the test.
            }
        }
        Assert.Pass();
    }

    [Test]
    public void Decode_Bin_SlicesInputWithoutCopy()
    {
        byte[] payload = new byte[100_000];
        payload[5] = 42;
        byte[] message = MsgPackWriter.Encode(payload);
        var bin = (ReadOnlyMemory<byte>)MsgPackReader.Decode(message)!;
        Assert.That(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bin, out ArraySegment<byte> seg), Is.True);
        Assert.That(seg.Array, Is.SameAs(message));
        Assert.That(bin.Span[5], Is.EqualTo(42));
    }

    [Test]
    public void Encode_UnsupportedType_Throws()
    {
        Assert.Throws<MsgPackException>(() => MsgPackWriter.Encode(new object()));
    }

    [TestCase(-62167219200L, 0u)]
    [TestCase(0L, 1u)]
    [TestCase(4294967295L, 0u)]
    [TestCase(17179869184L, 999999999u)]
    public void Timestamp_RoundTrip_Preserved(long seconds, uint nanos)
    {
        var ts = new MsgPackTimestamp(seconds, nanos);
        Assert.That(MsgPackReader.Decode(MsgPackWriter.Encode(ts)), Is.EqualTo(ts));
    }
}
