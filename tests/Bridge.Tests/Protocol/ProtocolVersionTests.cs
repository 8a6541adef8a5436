using NUnit.Framework;
using RtfmGym.Bridge.Protocol;

namespace RtfmGym.Bridge.Tests.Protocol;

[TestFixture]
public sealed class ProtocolVersionTests
{
    [TestCase("1.0.0", "1.0.0", true, TestName = "Check_SameVersion_Compatible")]
    [TestCase("1.0.5", "1.3.0", true, TestName = "Check_OlderClientMinor_Compatible")]
    [TestCase("1.4.0", "1.3.9", true, TestName = "Check_NewerClientMinor_CompatibleWithNote")]
    [TestCase("2.0.0", "1.9.9", false, TestName = "Check_NewerClientMajor_Incompatible")]
    [TestCase("1.0.0", "2.0.0", false, TestName = "Check_OlderClientMajor_Incompatible")]
    [TestCase("0.3.1", "0.3.7", true, TestName = "Check_ZeroMajorSameMinor_Compatible")]
    [TestCase("0.3.0", "0.4.0", false, TestName = "Check_ZeroMajorOtherMinor_Incompatible")]
    public void Check_Pairs_AsSemver(string client, string server, bool compatible)
    {
        Assert.That(ProtocolVersion.TryParse(client, out var c), Is.True);
        Assert.That(ProtocolVersion.TryParse(server, out var s), Is.True);
        var check = ProtocolVersion.Check(c, s);
        Assert.That(check.IsCompatible, Is.EqualTo(compatible));
        if (!compatible) Assert.That(check.Note, Is.Not.Null.And.Contains(server));
    }

    [Test]
    public void Check_NewerClientMinor_NoteMentionsMissingOps()
    {
        Assert.That(ProtocolVersion.Check(new(1, 2, 0), new(1, 0, 0)).Note, Does.Contain("missing"));
    }

    [TestCase("1.2.3-beta+7", ExpectedResult = true)]
    [TestCase("1.2", ExpectedResult = false)]
    [TestCase("1.x.3", ExpectedResult = false)]
    [TestCase("", ExpectedResult = false)]
    [TestCase("-1.0.0", ExpectedResult = false)]
    public bool TryParse_Text_AcceptsOnlySemver(string text) => ProtocolVersion.TryParse(text, out _);
}
