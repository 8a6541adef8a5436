using NUnit.Framework;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Tests.Server;

/// <summary>The wire seen from plain sockets: envelopes, ids and error replies.</summary>
[TestFixture]
public sealed class RawSocketTests
{
    [Test]
    public void ReqSocket_Hello_AnsweredThroughEnvelope()
    {
        using var f = new ServerFixture();
        using var ctx = new ZmqContext();
        using var req = Connect(ctx, ZmqSocketType.Req, f);
        req.Send(MsgPackWriter.Encode(new Dictionary<string, object?> { ["id"] = "h1", ["op"] = "hello", ["version"] = "1.0.0" }));
        var reply = (MsgPackMap)MsgPackReader.Decode(req.TryReceiveFrame(out _)!)!;
        Assert.That(reply.TryGetValue("id", out object? id) ? id : null, Is.EqualTo("h1"));
        Assert.That(reply.ContainsKey("result"), Is.True);
    }

    [TestCase(new byte[] { 0xc1 }, null, ErrorCodes.BadMessage, TestName = "Request_NotMsgPack_BadMessageWithNilId")]
    [TestCase(new byte[] { 0x92, 0x01, 0x02 }, null, ErrorCodes.BadMessage, TestName = "Request_NotAMap_BadMessageWithNilId")]
    [TestCase(new byte[] { 0x81, 0xa2, (byte)'o', (byte)'p', 0xa1, (byte)'x' }, null, ErrorCodes.BadMessage, TestName = "Request_NoId_BadMessageWithNilId")]
    [TestCase(new byte[] { 0x82, 0xa2, (byte)'i', (byte)'d', 0x07, 0xa2, (byte)'o', (byte)'p', 0xa1, (byte)'x' }, 7L, ErrorCodes.UnknownOp, TestName = "Request_UnknownOp_UnknownOpWithId")]
    [TestCase(new byte[] { 0x82, 0xa2, (byte)'i', (byte)'d', 0x07, 0xa2, (byte)'o', (byte)'p', 0x05 }, 7L, ErrorCodes.BadMessage, TestName = "Request_OpNotString_BadMessageWithId")]
    public void Request_Malformed_ErrorReply(byte[] request, object? expectedId, string expectedCode)
    {
        using var f = new ServerFixture();
        using var ctx = new ZmqContext();
        using var dealer = Connect(ctx, ZmqSocketType.Dealer, f);
        dealer.Send(request);
        var reply = (MsgPackMap)MsgPackReader.Decode(dealer.TryReceiveFrame(out _)!)!;
        Assert.That(reply.TryGetValue("id", out object? id) ? id : "missing", Is.EqualTo(expectedId));
        reply.TryGetValue("error", out object? error);
        Assert.That(((MsgPackMap)error!).TryGetValue("code", out object? code) ? code : null, Is.EqualTo(expectedCode));
    }

    [Test]
    public void Request_OverMaxMessageSize_SenderDroppedServerServesOthers()
    {
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, maxMessageBytes: 4096));
        using var ctx = new ZmqContext();
        using (var big = Connect(ctx, ZmqSocketType.Dealer, f))
        {
            big.Send(new byte[100_000]);
        }
        using var c = f.Connect();
        Assert.That(c.Call(Ops.ListScenarios).ContainsKey("scenarios"), Is.True);
    }

    private static ZmqSocket Connect(ZmqContext ctx, ZmqSocketType type, ServerFixture f)
    {
        var s = ctx.CreateSocket(type);
        s.SetOption(ZmqSocketOption.ReceiveTimeout, 20_000);
        s.Connect(f.Server.Endpoint);
        return s;
    }
}
