using NUnit.Framework;
using RtfmGym.Bridge.Server;

namespace RtfmGym.Bridge.Tests.Server;

[TestFixture]
public sealed class BindEndpointTests
{
    [TestCase("tcp://127.0.0.1:5555", true)]
    [TestCase("tcp://127.0.0.1:*", true)]
    [TestCase("tcp://127.8.9.10:5555", true)]
    [TestCase("tcp://localhost:5555", true)]
    [TestCase("tcp://[::1]:5555", true)]
    [TestCase("ipc:///tmp/rtfmgym.sock", true)]
    [TestCase("inproc://bridge", true)]
    [TestCase("tcp://0.0.0.0:5555", false)]
    [TestCase("tcp://*:5555", false)]
    [TestCase("tcp://[::]:5555", false)]
    [TestCase("tcp://eth0:5555", false)]
    [TestCase("tcp://192.168.1.4:5555", false)]
    [TestCase("ws://127.0.0.1:5555", false)]
    public void IsLoopbackOnly_Endpoint_Expected(string endpoint, bool expected) =>
        Assert.That(BindEndpoint.IsLoopbackOnly(endpoint), Is.EqualTo(expected));
}
