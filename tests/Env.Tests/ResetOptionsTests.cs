using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Tests;

public class ResetOptionsTests
{
    /// <summary>Refused options: (key, value, a word the message must hold). Small's world seed is 3.</summary>
    private static IEnumerable<TestCaseData> BadOptions()
    {
        yield return new TestCaseData("world_seed", -1L, "integer >= 0").SetName("WorldSeed_Negative");
        yield return new TestCaseData("world_seed", "3", "integer >= 0").SetName("WorldSeed_String");
        yield return new TestCaseData("world_seed", true, "integer >= 0").SetName("WorldSeed_Bool");
        yield return new TestCaseData("world_seed", 2.5, "integer >= 0").SetName("WorldSeed_Fraction");
        yield return new TestCaseData("start", new[] { 2.0, 2.0 }, "3 numbers").SetName("Start_TwoNumbers");
        yield return new TestCaseData("start", new object[] { 2.0, "a", 0.0 }, "3 numbers").SetName("Start_StringElement");
        yield return new TestCaseData("start", new[] { double.NaN, 2.0, 0.0 }, "finite").SetName("Start_NaN");
        yield return new TestCaseData("start", new[] { 2.0, double.PositiveInfinity, 0.0 }, "finite").SetName("Start_Infinite");
        yield return new TestCaseData("start", new[] { 2.0, 2.0, 1e300 }, "finite").SetName("Start_BeyondFloat");
        yield return new TestCaseData("start", new[] { 0.0, 0.0, 0.0 }, "inside a wall").SetName("Start_InsideWall");
        yield return new TestCaseData("start", null, "3 numbers").SetName("Start_Null");
        yield return new TestCaseData("goal", new[] { 1000.0, 1000.0 }, "not on the floor").SetName("Goal_OffTheWorld");
        yield return new TestCaseData("goal", new[] { 1.0, 2.0, 3.0 }, "2 numbers").SetName("Goal_ThreeNumbers");
        yield return new TestCaseData("colour", 3L, "not understood").SetName("UnknownKey");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void Parse_BadValue_ArgumentExceptionNamingTheOption(string key, object? value, string expected)
    {
        var options = new Dictionary<string, object> { [key] = value! };
        Scenario small = TestScenarios.Small();
        var e = Assert.Throws<ArgumentException>(() => ResetOptions.Parse(options).ApplyTo(small))!;
        Assert.That(e.Message, Does.Contain(key == "colour" ? "'colour'" : key).And.Contain(expected));
    }

    [Test]
    public void Parse_IntegerLists_ReadAsNumbers()
    {
        var options = ResetOptions.Parse(new Dictionary<string, object> { ["goal"] = new long[] { 1, 2 }, ["start"] = new object[] { 3L, 4.5, 0L } });
        Assert.That(options.Goal, Is.EqualTo(new System.Numerics.Vector2(1, 2)));
        Assert.That(options.Start!.Value.Position, Is.EqualTo(new System.Numerics.Vector2(3, 4.5f)));
    }

    [Test]
    public void ApplyTo_GoalOnExploreTask_Refused()
    {
        var options = ResetOptions.Parse(new Dictionary<string, object> { ["goal"] = new[] { 2.0, 2.0 } });
        var e = Assert.Throws<ArgumentException>(() => options.ApplyTo(TestScenarios.Small(task: "explore")))!;
        Assert.That(e.Message, Does.Contain("PointNav"));
    }

    [Test]
    public void ApplyTo_WorldSeedAndFreeStart_Applied()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        double[] p = (double[])env.Reset(1, new Dictionary<string, object> { ["world_seed"] = 5L }).Info["pose"]!;
        var options = ResetOptions.Parse(new Dictionary<string, object> { ["world_seed"] = 5L, ["start"] = new[] { p[0], p[2], 0.25 } });
        Scenario s = options.ApplyTo(TestScenarios.Small());
        Assert.That((s.World.Seed, s.Start!.Value.Yaw), Is.EqualTo((5UL, 0.25f)));
    }
}
