namespace RtfmGym.Env.Tests;

public class InfoKeyTests
{
    private static IEnumerable<TestCaseData> Unreadable()
    {
        yield return new TestCaseData(new Dictionary<string, object?>()).SetName("Missing");
        yield return new TestCaseData(new Dictionary<string, object?> { ["collided"] = null }).SetName("Null");
        yield return new TestCaseData(new Dictionary<string, object?> { ["collided"] = "true" }).SetName("String");
        yield return new TestCaseData(new Dictionary<string, object?> { ["collided"] = 1L }).SetName("Number");
        yield return new TestCaseData(new Dictionary<string, object?> { ["Collided"] = true }).SetName("OtherCase");
    }

    [TestCaseSource(nameof(Unreadable))]
    public void TryRead_MissingOrMistyped_FalseAndFallback(Dictionary<string, object?> info)
    {
        Assert.That(InfoKeys.Collided.TryRead(info, out _), Is.False);
        Assert.That(InfoKeys.Collided.ReadOr(info, true), Is.True);
    }

    [Test]
    public void Write_ThenTryRead_RoundTrips()
    {
        var info = new Dictionary<string, object?>();
        InfoKeys.Collided.Write(info, true);
        InfoKeys.Collisions.Write(info, 3);
        Assert.That(info.Keys, Is.EqualTo(new[] { "collided", "collisions" }));
        Assert.That(InfoKeys.Collided.TryRead(info, out bool c) && c, Is.True);
        Assert.That(InfoKeys.Collisions.ReadOr(info, 0), Is.EqualTo(3));
    }

    [Test]
    public void Environment_InfoEveryStep_HoldsEveryEnvironmentKeyWithItsType()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        IReadOnlyDictionary<string, object?> info = env.Reset(2).Info;
        for (int i = 0; i < 3; i++)
        {
            Assert.That(InfoKeys.Pose.TryRead(info, out double[] pose) && pose.Length == 7, Is.True);
            Assert.That(InfoKeys.Collided.TryRead(info, out _), Is.True);
            Assert.That(InfoKeys.Collisions.TryRead(info, out _), Is.True);
            Assert.That(InfoKeys.Step.ReadOr(info, -1), Is.EqualTo(i));
            Assert.That(InfoKeys.EpisodeSeed.ReadOr(info, -1), Is.EqualTo(2));
            Assert.That(InfoKeys.WorldSeed.ReadOr(info, -1), Is.EqualTo(3));
            Assert.That(InfoKeys.FrameSource.ReadOr(info, ""), Is.EqualTo("constant"));
            Assert.That(InfoKeys.DistanceToGoal.TryRead(info, out _) && InfoKeys.PathLength.TryRead(info, out _) && InfoKeys.Goal.TryRead(info, out _), Is.True);
            info = env.Step(0L).Info;
        }
    }
}
