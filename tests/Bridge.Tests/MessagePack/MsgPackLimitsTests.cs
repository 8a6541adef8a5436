using NUnit.Framework;
using RtfmGym.Bridge.MessagePack;

namespace RtfmGym.Bridge.Tests.MessagePack;

[TestFixture]
public sealed class MsgPackLimitsTests
{
    [TestCase(10, 10, false)]
    [TestCase(10, 11, true)]
    [TestCase(1000, 999, false)]
    public void Decode_ItemsAgainstLimit_ThrowsOnlyBeyond(int maxItems, int nils, bool throws)
    {
        byte[] bytes = MsgPackWriter.Encode(new Dictionary<string, object?> { ["a"] = new object?[nils] });
        var options = new MsgPackReaderOptions(maxItems: maxItems + 1);
        if (throws) Assert.That(() => MsgPackReader.Decode(bytes, options), Throws.TypeOf<MsgPackException>().With.Message.Contains($"more than {maxItems + 1}"));
        else Assert.That(MsgPackReader.Decode(bytes, options), Is.InstanceOf<MsgPackMap>());
    }

    [TestCase("82-a2-69-64-07-a2-6f-70-a1-78", "id", 7L, TestName = "TryPeekFirstEntry_IdFirst_ReadsIt")]
    [TestCase("82-a2-69-64-a1-78-a2-6f-70-90", "id", "x", TestName = "TryPeekFirstEntry_StringIdFirst_ReadsIt")]
    [TestCase("81-a2-69-64-91-01", null, null, TestName = "TryPeekFirstEntry_ArrayValue_Refused")]
    [TestCase("92-01-02", null, null, TestName = "TryPeekFirstEntry_NotAMap_Refused")]
    [TestCase("82-a2-69", null, null, TestName = "TryPeekFirstEntry_Truncated_Refused")]
    [TestCase("", null, null, TestName = "TryPeekFirstEntry_Empty_Refused")]
    public void TryPeekFirstEntry_Input_Expected(string hex, object? key, object? value)
    {
        byte[] bytes = hex.Length == 0 ? [] : Convert.FromHexString(hex.Replace("-", ""));
        bool found = MsgPackReader.TryPeekFirstEntry(bytes, out object? k, out object? v);
        Assert.That(found, Is.EqualTo(key is not null));
        Assert.That((k, v), Is.EqualTo((key, value)));
    }

    [Test]
    public void TryPeekFirstEntry_HugeStringId_RefusedWithoutReadingIt()
    {
        byte[] bytes = MsgPackWriter.Encode(new Dictionary<string, object?> { ["id"] = new string('x', 100_000), ["op"] = "step" });
        Assert.That(MsgPackReader.TryPeekFirstEntry(bytes, out _, out _), Is.False);
    }
}
