using NUnit.Framework;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Tests.Support;
using RtfmGym.Bridge.Zmq;

namespace RtfmGym.Bridge.Tests.Server;

[TestFixture]
public sealed class CurveTests
{
    private static readonly TimeSpan Refusal = TimeSpan.FromSeconds(2);

    [SetUp]
    public void RequireCurve() => Assume.That(ZmqCurve.IsAvailable, "libzmq built without CURVE");

    [Test]
    public void Connect_ListedClientKey_Served()
    {
        var server = ZmqCurve.GenerateKeyPair();
        var listed = ZmqCurve.GenerateKeyPair();
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, curveSecretKey: server.SecretKey, curveAllowedClientKeys: [listed.PublicKey]));
        using var c = new BridgeClient(new BridgeClientOptions(f.Server.Endpoint, TimeSpan.FromSeconds(20), server.PublicKey, listed.PublicKey, listed.SecretKey));
        using var env = RemoteEnvironment.Make(c, "fake");
        Assert.That(env.Reset(seed: 1).Observation, Is.Not.Null);
    }

    [Test]
    public void Connect_UnlistedClientKey_NeverServed()
    {
        var server = ZmqCurve.GenerateKeyPair();
        var listed = ZmqCurve.GenerateKeyPair();
        var intruder = ZmqCurve.GenerateKeyPair();
        var log = new StringWriter();
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, curveSecretKey: server.SecretKey, curveAllowedClientKeys: [listed.PublicKey]), log: log);
        // The handshake is refused by the ZAP handler, so hello never gets an answer.
        Assert.Throws<TimeoutException>(() => new BridgeClient(new BridgeClientOptions(f.Server.Endpoint, Refusal, server.PublicKey, intruder.PublicKey, intruder.SecretKey)));
        Assert.That(log.ToString(), Does.Contain("refused CURVE client " + intruder.PublicKey));
        Assert.That(f.Server.ClientCount, Is.Zero);
    }

    [Test]
    public void Connect_PlainClientToCurveServer_NeverServed()
    {
        var server = ZmqCurve.GenerateKeyPair();
        using var f = new ServerFixture(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1, curveSecretKey: server.SecretKey));
        Assert.Throws<TimeoutException>(() => new BridgeClient(new BridgeClientOptions(f.Server.Endpoint, Refusal)));
        Assert.That(f.Server.ClientCount, Is.Zero);
    }

    [Test]
    public void CurveKeyFile_PyzmqCertificates_LoadedAndUsable()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rtfmgym-curve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var (pub, sec) = ZmqCurve.GenerateKeyPair();
            CurveKeyFile.Save(Path.Combine(dir, "server.key_secret"), pub, sec);
            CurveKeyFile.Save(Path.Combine(dir, "server.key"), pub, null);
            Assert.That(CurveKeyFile.Load(Path.Combine(dir, "server.key_secret")), Is.EqualTo(new CurveKeyFile.Keys(pub, sec)));
            Assert.That(CurveKeyFile.LoadPublicKeys(dir), Is.EqualTo(new[] { pub }));

            const string python = "/usr/bin/python3";
            if (!File.Exists(python)) return;
            var p = System.Diagnostics.Process.Start(python, ["-c", $"import zmq.auth; zmq.auth.create_certificates('{dir}', 'client')"])!;
            Assert.That(p.WaitForExit(60_000) && p.ExitCode == 0, Is.True, "pyzmq wrote certificates");
            var client = CurveKeyFile.Load(Path.Combine(dir, "client.key_secret"));
            Assert.That(client.SecretKey, Is.Not.Null);
            Assert.That(ZmqCurve.PublicKeyOf(client.SecretKey!), Is.EqualTo(client.PublicKey));
            Assert.That(CurveKeyFile.Load(Path.Combine(dir, "client.key")).PublicKey, Is.EqualTo(client.PublicKey));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
