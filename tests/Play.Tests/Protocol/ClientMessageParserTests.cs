using RtfmGym.Play.Protocol;

namespace RtfmGym.Play.Tests.Protocol;

public sealed class ClientMessageParserTests
{
    [Test]
    public void Parse_DiscreteStep_ActionAndSeq()
    {
        var m = (StepMessage)ClientMessageParser.Parse("""{"type":"step","action":1,"seq":7}""");
        Assert.That((m.Action, m.Seq), Is.EqualTo(((object)1L, 7L)));
    }

    [Test]
    public void Parse_BoxStep_FloatArray()
    {
        var m = (StepMessage)ClientMessageParser.Parse("""{"type":"step","action":[0.5,-0.25,1]}""");
        Assert.That(m.Action, Is.EqualTo(new[] { 0.5f, -0.25f, 1f }));
    }

    [TestCase("""{"type":"reset"}""", null)]
    [TestCase("""{"type":"reset","seed":null}""", null)]
    [TestCase("""{"type":"reset","seed":12}""", 12L)]
    public void Parse_Reset_Seed(string text, long? seed) =>
        Assert.That(((ResetMessage)ClientMessageParser.Parse(text)).Seed, Is.EqualTo(seed));

    [Test]
    public void Parse_Options_TruthAndFormat()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ClientMessageParser.Parse("""{"type":"options","truth":false,"format":"png"}"""), Is.EqualTo(new OptionsMessage(false, ImageFormat.Png)));
            Assert.That(ClientMessageParser.Parse("""{"type":"options"}"""), Is.EqualTo(new OptionsMessage(null, null)));
            Assert.That(ClientMessageParser.Parse("""{"type":"record"}"""), Is.InstanceOf<RecordMessage>());
        });
    }

    [TestCase("", "not JSON")]
    [TestCase("step", "not JSON")]
    [TestCase("{\"type\":", "not JSON")]
    [TestCase("[1,2]", "is a JSON array")]
    [TestCase("42", "is a JSON number")]
    [TestCase("{}", "no \"type\"")]
    [TestCase("""{"type":3}""", "no \"type\"")]
    [TestCase("""{"type":"fly"}""", "Unknown message type \"fly\"")]
    [TestCase("""{"type":"step"}""", "needs an \"action\"")]
    [TestCase("""{"type":"step","action":"north"}""", "\"action\" is \"north\"")]
    [TestCase("""{"type":"step","action":1.5}""", "\"action\" is 1.5")]
    [TestCase("""{"type":"step","action":null}""", "\"action\" is null")]
    [TestCase("""{"type":"step","action":[]}""", "has 0 numbers")]
    [TestCase("""{"type":"step","action":[1,2,3,4,5,6,7]}""", "has 7 numbers")]
    [TestCase("""{"type":"step","action":[1,"x"]}""", "\"action\"[1] is \"x\"")]
    [TestCase("""{"type":"step","action":[1e39]}""", "\"action\"[0] is 1e39")]
    [TestCase("""{"type":"step","action":[[1]]}""", "\"action\"[0] is [1]")]
    [TestCase("""{"type":"step","action":1,"seq":-1}""", "\"seq\" is -1")]
    [TestCase("""{"type":"reset","seed":-3}""", "\"seed\" is -3")]
    [TestCase("""{"type":"reset","seed":"7"}""", "\"seed\" is \"7\"")]
    [TestCase("""{"type":"reset","seed":1e30}""", "\"seed\" is 1e30")]
    [TestCase("""{"type":"options","truth":"yes"}""", "\"truth\" is \"yes\"")]
    [TestCase("""{"type":"options","format":"jpeg"}""", "\"format\" is \"jpeg\"")]
    [TestCase("""{"type":"options","format":1}""", "\"format\" is 1")]
    [TestCase("""{"a":{"b":{"c":{"d":{"e":1}}}}}""", "not JSON")]
    public void Parse_BadMessage_ThrowsNamingTheProblem(string text, string expected) =>
        Assert.That(() => ClientMessageParser.Parse(text), Throws.InstanceOf<PlayProtocolException>().With.Message.Contains(expected));

    [Test]
    public void Parse_TooLong_Throws() =>
        Assert.That(() => ClientMessageParser.Parse(new string(' ', ClientMessageParser.MaxMessageBytes + 1)),
            Throws.InstanceOf<PlayProtocolException>().With.Message.Contains("at most 4096"));

    /// <summary>An upload: header length, the JSON header, then <paramref name="png"/>.</summary>
    internal static byte[] Upload(string header, byte[] png)
    {
        byte[] head = System.Text.Encoding.UTF8.GetBytes(header);
        var bytes = new byte[4 + head.Length + png.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, head.Length);
        head.CopyTo(bytes, 4);
        png.CopyTo(bytes, 4 + head.Length);
        return bytes;
    }

    [Test]
    public void ParseBinary_UploadWithPose_NamePoseAndBytes()
    {
        var m = ClientMessageParser.ParseBinary(Upload("""{"type":"start_image","name":"room.png","x":2.5,"z":4,"yaw_degrees":90}""", [1, 2, 3]));
        Assert.Multiple(() =>
        {
            Assert.That(m.Name, Is.EqualTo("room.png"));
            Assert.That(m.Png, Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(m.Pose!.Value.Position, Is.EqualTo(new System.Numerics.Vector2(2.5f, 4f)));
            Assert.That(m.Pose!.Value.Yaw, Is.EqualTo(MathF.PI / 2).Within(1e-6f));
        });
    }

    [Test]
    public void ParseBinary_UploadWithoutPose_StartPose() =>
        Assert.That(ClientMessageParser.ParseBinary(Upload("""{"type":"start_image"}""", [9])).Pose, Is.Null);

    [TestCase("""{"type":"start_image","x":1}""", "both \"x\" and \"z\"")]
    [TestCase("""{"type":"start_image","yaw_degrees":30}""", "needs \"x\" and \"z\"")]
    [TestCase("""{"type":"start_image","x":"left","z":1}""", "\"x\" is \"left\"")]
    [TestCase("""{"type":"start_image","x":1,"z":1,"yaw_degrees":720}""", "-360 to 360")]
    [TestCase("""{"type":"step"}""", "start_image")]
    [TestCase("""[1]""", "start_image")]
    [TestCase("""{"type":""", "not JSON")]
    public void ParseBinary_BadHeader_SaysWhat(string header, string expected)
    {
        var e = Assert.Throws<PlayProtocolException>(() => ClientMessageParser.ParseBinary(Upload(header, [1])));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void ParseBinary_HeaderLengthPastTheMessage_SaysSo()
    {
        byte[] bytes = Upload("""{"type":"start_image"}""", []);
        bytes[0] = 200;
        Assert.That(Assert.Throws<PlayProtocolException>(() => ClientMessageParser.ParseBinary(bytes))!.Message, Does.Contain("does not fit"));
        Assert.That(Assert.Throws<PlayProtocolException>(() => ClientMessageParser.ParseBinary(new byte[] { 1 }))!.Message, Does.Contain("too short"));
    }
}
