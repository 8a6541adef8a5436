namespace RtfmGym.Play.Tests;

public sealed class AccessTokenTests
{
    [Test]
    public void Generate_TwoTokens_DifferAndAre64HexDigits()
    {
        AccessToken a = AccessToken.Generate(), b = AccessToken.Generate();
        Assert.Multiple(() =>
        {
            Assert.That(a.Value, Is.Not.EqualTo(b.Value));
            Assert.That(a.Value, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public void Matches_SameText_True() => Assert.That(new AccessToken("0123456789abcdef0123").Matches("0123456789abcdef0123"), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("0123456789abcdef012")]
    [TestCase("0123456789abcdef01234")]
    [TestCase("0123456789ABCDEF0123")]
    [TestCase("x123456789abcdef0123")]
    public void Matches_OtherText_False(string? presented) => Assert.That(new AccessToken("0123456789abcdef0123").Matches(presented), Is.False);

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("short")]
    public void Constructor_WeakToken_Throws(string value) => Assert.That(() => new AccessToken(value), Throws.ArgumentException);
}
