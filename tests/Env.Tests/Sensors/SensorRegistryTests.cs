using RtfmGym.Env.Frames;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Sensors;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tests.Sensors;

public class SensorRegistryTests
{
    /// <summary>A sensor no built-in has: the step count, as int32 [1].</summary>
    private sealed class StepSensor : ISensor
    {
        public string Key => "steps";
        public Space Space { get; } = new BoxSpace(0, 1000, [1], DType.Int32);
        public FrameChannels Channels => 0;
        public int Calls { get; private set; }
        public object Observe(ObservationContext context) => NDArray.From<int>([Calls++], 1);
    }

    private sealed class MislabelledSensor : ISensor
    {
        public string Key => "other";
        public Space Space { get; } = new DiscreteSpace(1);
        public FrameChannels Channels => 0;
        public object Observe(ObservationContext context) => 0L;
    }

    [TestCase("rgb")]
    [TestCase("rgb, depth")]
    [TestCase("rgb, pose, goal")]
    [TestCase("depth, rgb, goal, pose")]
    public void Environment_AnyObservationList_EveryObservationIsInTheSpaceWithTheSameKeys(string list)
    {
        Scenario s = TestScenarios.Small() with { Observations = list.Split(", ") };
        using var env = new RtfmEnvironment(s);
        var space = (DictSpace)env.ObservationSpace;
        var obs = (IReadOnlyDictionary<string, object>)env.Reset(1).Observation;
        Assert.That(obs.Keys, Is.EqualTo(space.Spaces.Select(kv => kv.Key)), "the observation and its space list the same keys in the same order");
        Assert.That(space.Spaces[0].Key, Is.EqualTo("rgb"), "rgb always comes first");
        for (int i = 0; i < 5; i++)
        {
            Assert.That(space.Explain(obs), Is.Null);
            obs = (IReadOnlyDictionary<string, object>)env.Step(0L).Observation;
        }
    }

    [Test]
    public void Environment_GoalListedForATaskWithoutGoal_LeavesGoalOut()
    {
        Scenario s = TestScenarios.Small(task: "explore") with { Observations = ["rgb", "goal"] };
        using var env = new RtfmEnvironment(s);
        Assert.That(((DictSpace)env.ObservationSpace).Spaces.Select(kv => kv.Key), Is.EqualTo(new[] { "rgb" }));
        Assert.That(((IReadOnlyDictionary<string, object>)env.Reset(1).Observation).Keys, Is.EqualTo(new[] { "rgb" }));
    }

    [Test]
    public void Environment_CustomSensorInjected_WritesItsKeyAndSpace()
    {
        var sensor = new StepSensor();
        var components = EnvironmentComponents.BuiltIn with { Sensors = SensorRegistry.BuiltIn.With("steps", _ => sensor) };
        Scenario s = TestScenarios.Small() with { Observations = ["rgb", "steps"] };
        using var env = new RtfmEnvironment(s, components: components);
        Assert.That(((DictSpace)env.ObservationSpace)["steps"], Is.EqualTo(sensor.Space));
        env.Reset(1);
        var obs = (IReadOnlyDictionary<string, object>)env.Step(0L).Observation;
        Assert.That(((NDArray)obs["steps"]).AsSpan<int>()[0], Is.EqualTo(1));
        Assert.That(env.ObservationSpace.Contains(obs), Is.True);
    }

    [Test]
    public void Environment_DepthSensor_AsksTheSourceForDepthOnlyWhenListed()
    {
        var components = EnvironmentComponents.BuiltIn;
        SensorSuite Suite(params string[] keys) => components.Sensors.Create(
            new SensorSetup(TestScenarios.Small() with { Observations = keys }, TestScenarios.Small().Camera.Intrinsics(), new RtfmGym.Env.Tasks.FreeTask()));
        Assert.That(Suite("rgb").Channels, Is.EqualTo(FrameChannels.Rgb));
        Assert.That(Suite("rgb", "pose").Channels, Is.EqualTo(FrameChannels.Rgb));
        Assert.That(Suite("rgb", "depth").Channels, Is.EqualTo(FrameChannels.Rgb | FrameChannels.Depth));
    }

    private static IEnumerable<TestCaseData> BadSensors()
    {
        yield return new TestCaseData(SensorRegistry.BuiltIn, new[] { "rgb", "smell" }, "observes 'smell', but no sensor has that key; available: rgb, depth, pose, goal.")
            .SetName("UnknownKey");
        yield return new TestCaseData(SensorRegistry.BuiltIn.With("smell", _ => new MislabelledSensor()), new[] { "rgb", "smell" }, "says its key is 'other'")
            .SetName("SensorKeyDiffersFromItsName");
    }

    [TestCaseSource(nameof(BadSensors))]
    public void Environment_BadSensorSetup_ThrowsNamingIt(SensorRegistry sensors, string[] keys, string expected)
    {
        Scenario s = TestScenarios.Small() with { Observations = keys };
        var e = Assert.Throws<RtfmGymException>(() => new RtfmEnvironment(s, components: EnvironmentComponents.BuiltIn with { Sensors = sensors }));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void With_BlankKey_Throws(string? key) =>
        Assert.Catch<ArgumentException>(() => SensorRegistry.BuiltIn.With(key!, _ => new PoseSensor()));

    [Test]
    public void With_ExistingKey_ReplacesInPlaceAndLeavesTheOriginalAlone()
    {
        SensorRegistry replaced = SensorRegistry.BuiltIn.With("depth", _ => null);
        Assert.That(replaced.Names, Is.EqualTo(SensorRegistry.BuiltIn.Names));
        Assert.That(SensorRegistry.BuiltIn.Names, Is.EqualTo(new[] { "rgb", "depth", "pose", "goal" }));
        using var env = new RtfmEnvironment(TestScenarios.Small(), components: EnvironmentComponents.BuiltIn with { Sensors = replaced });
        Assert.That(((DictSpace)env.ObservationSpace).Spaces.Select(kv => kv.Key), Is.EqualTo(new[] { "rgb", "pose", "goal" }));
    }

    [Test]
    public void LoaderObservationKeys_AreTheBuiltInSensors() =>
        Assert.That(ScenarioLoader.ObservationKeys, Is.EqualTo(SensorRegistry.BuiltIn.Names));
}
