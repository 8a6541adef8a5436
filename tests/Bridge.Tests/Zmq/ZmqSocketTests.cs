using NUnit.Framework;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Tests.Zmq;

[TestFixture]
public sealed class ZmqSocketTests
{
    [Test]
    public void Bind_WildcardPort_LastEndpointHasPort()
    {
        using var ctx = new ZmqContext();
        using var router = ctx.CreateSocket(ZmqSocketType.Router);
        router.Bind("tcp://127.0.0.1:*");
        Assert.That(router.LastEndpoint, Does.Match(@"^tcp://127\.0\.0\.1:\d+$"));
    }

    [Test]
    public void RouterDealer_Multipart_RoundTrips()
    {
        using var ctx = new ZmqContext();
        using var router = ctx.CreateSocket(ZmqSocketType.Router);
        router.Bind("tcp://127.0.0.1:*");
        using var dealer = ctx.CreateSocket(ZmqSocketType.Dealer);
        dealer.SetOption(ZmqSocketOption.RoutingId, "client-1"u8);
        dealer.SetOption(ZmqSocketOption.ReceiveTimeout, 5000);
        router.SetOption(ZmqSocketOption.ReceiveTimeout, 5000);
        dealer.Connect(router.LastEndpoint);
        byte[] big = new byte[1 << 20];
        big[^1] = 9;
        dealer.SendMultipart([big]);

        var frames = router.TryReceiveMultipart(out bool truncated)!;
        Assert.That(frames, Has.Count.EqualTo(2));
        Assert.That(frames[0], Is.EqualTo("client-1"u8.ToArray()));
        Assert.That(frames[1][^1], Is.EqualTo(9));
        Assert.That(truncated, Is.False);

        router.SendMultipart([frames[0], "pong"u8.ToArray()]);
        Assert.That(dealer.TryReceiveFrame(out _), Is.EqualTo("pong"u8.ToArray()));
    }

    [Test]
    public void TryReceiveFrame_NothingWaitingDontWait_ReturnsNull()
    {
        using var ctx = new ZmqContext();
        using var pull = ctx.CreateSocket(ZmqSocketType.Pull);
        pull.Bind("inproc://nothing");
        Assert.That(pull.TryReceiveFrame(out _, dontWait: true), Is.Null);
    }

    [Test]
    public void PollIn_OneReadable_MaskHasItsBit()
    {
        using var ctx = new ZmqContext();
        using var a = ctx.CreateSocket(ZmqSocketType.Pull);
        using var b = ctx.CreateSocket(ZmqSocketType.Pull);
        a.Bind("inproc://a");
        b.Bind("inproc://b");
        using var push = ctx.CreateSocket(ZmqSocketType.Push);
        push.Connect("inproc://b");
        push.Send("x"u8);
        Assert.That(ZmqPoller.PollIn([a, b], 5000), Is.EqualTo(0b10));
    }

    [Test]
    public void TryForwardMessage_PushToPush_DeliversAllFrames()
    {
        using var ctx = new ZmqContext();
        using var inbound = ctx.CreateSocket(ZmqSocketType.Pull);
        inbound.Bind("inproc://in");
        using var outbound = ctx.CreateSocket(ZmqSocketType.Push);
        outbound.Bind("inproc://out");
        using var source = ctx.CreateSocket(ZmqSocketType.Push);
        source.Connect("inproc://in");
        using var sink = ctx.CreateSocket(ZmqSocketType.Pull);
        sink.Connect("inproc://out");
        source.SendMultipart(["a"u8.ToArray(), new byte[5000]]);
        Assert.That(ZmqPoller.PollIn([inbound], 5000), Is.EqualTo(1));
        Assert.That(inbound.TryForwardMessage(outbound), Is.True);
        var frames = sink.TryReceiveMultipart(out _)!;
        Assert.That(frames.Select(f => f.Length), Is.EqualTo(new[] { 1, 5000 }));
    }

    [Test]
    public void Connect_BadEndpoint_ThrowsWithStrerror()
    {
        using var ctx = new ZmqContext();
        using var s = ctx.CreateSocket(ZmqSocketType.Dealer);
        var ex = Assert.Throws<ZmqException>(() => s.Connect("nonsense://x"))!;
        Assert.That(ex.Message, Does.Contain("zmq_connect").And.Contain("errno"));
    }

    [Test]
    public void CurveKeys_GenerateDecodeEncode_RoundTrip()
    {
        Assume.That(ZmqCurve.IsAvailable, "libzmq built without CURVE");
        var (pub, sec) = ZmqCurve.GenerateKeyPair();
        Assert.That(ZmqCurve.Encode(ZmqCurve.Decode(pub)), Is.EqualTo(pub));
        Assert.That(ZmqCurve.PublicKeyOf(sec), Is.EqualTo(pub));
    }
}
