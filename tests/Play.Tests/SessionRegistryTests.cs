namespace RtfmGym.Play.Tests;

public sealed class SessionRegistryTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Test]
    public void TryOpen_AtLimit_RefusedWithMessageUntilOneCloses()
    {
        var registry = new SessionRegistry(2, TimeSpan.FromMinutes(1));
        SessionRegistry.Lease a = registry.TryOpen(out _)!, b = registry.TryOpen(out _)!;
        Assert.Multiple(() =>
        {
            Assert.That(registry.TryOpen(out string? refusal), Is.Null);
            Assert.That(refusal, Does.Contain("2 sessions open").And.Contain("--max-sessions 2"));
            Assert.That(a.Id, Is.Not.EqualTo(b.Id));
        });
        a.Dispose();
        a.Dispose();
        Assert.That(registry.TryOpen(out _), Is.Not.Null);
        Assert.That(registry.Count, Is.EqualTo(2));
    }

    [Test]
    public void CloseIdle_SilentLongerThanTimeout_CancelsOnlyThatSession()
    {
        var clock = new ManualClock();
        var registry = new SessionRegistry(4, TimeSpan.FromSeconds(10), clock);
        SessionRegistry.Lease quiet = registry.TryOpen(out _)!, busy = registry.TryOpen(out _)!;
        clock.Now += TimeSpan.FromSeconds(8);
        busy.Touch();
        Assert.That(registry.CloseIdle(), Is.EqualTo(0));
        clock.Now += TimeSpan.FromSeconds(3);
        Assert.Multiple(() =>
        {
            Assert.That(registry.CloseIdle(), Is.EqualTo(1));
            Assert.That(quiet.ClosedIdle, Is.True);
            Assert.That(quiet.Idle.IsCancellationRequested, Is.True);
            Assert.That(busy.ClosedIdle, Is.False);
        });
    }

    [TestCase(0, 10)]
    [TestCase(-1, 10)]
    [TestCase(1, 0)]
    [TestCase(1, -5)]
    public void Constructor_BadLimit_Throws(int max, int idleSeconds) =>
        Assert.That(() => new SessionRegistry(max, TimeSpan.FromSeconds(idleSeconds)), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
