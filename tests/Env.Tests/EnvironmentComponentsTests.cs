using RtfmGym.Env.Frames;
using RtfmGym.Env.Sensors;
using RtfmGym.Env.Tasks;

namespace RtfmGym.Env.Tests;

public class EnvironmentComponentsTests
{
    private static IEnumerable<TestCaseData> NullRegistries()
    {
        yield return new TestCaseData((Func<EnvironmentComponents>)(() => EnvironmentComponents.BuiltIn with { FrameSources = null! }), "FrameSources").SetName("FrameSources");
        yield return new TestCaseData((Func<EnvironmentComponents>)(() => EnvironmentComponents.BuiltIn with { Tasks = null! }), "Tasks").SetName("Tasks");
        yield return new TestCaseData((Func<EnvironmentComponents>)(() => EnvironmentComponents.BuiltIn with { Sensors = null! }), "Sensors").SetName("Sensors");
    }

    [TestCaseSource(nameof(NullRegistries))]
    public void Init_NullRegistry_ThrowsNamingIt(Func<EnvironmentComponents> make, string name) =>
        Assert.That(Assert.Throws<ArgumentNullException>(() => make())!.ParamName, Is.EqualTo(name));

    [Test]
    public void BuiltIn_HoldsEnvsOwnRegistries()
    {
        EnvironmentComponents c = EnvironmentComponents.BuiltIn;
        Assert.That((c.FrameSources, c.Tasks, c.Sensors), Is.EqualTo((FrameSourceRegistry.BuiltIn, TaskRegistry.BuiltIn, SensorRegistry.BuiltIn)));
    }

    [Test]
    public void Environment_UnknownFrameSource_ThrowsBeforeMakingAnything()
    {
        var e = Assert.Throws<RtfmGymException>(() => new RtfmEnvironment(TestScenarios.Small(frames: "model")));
        Assert.That(e!.Message, Is.EqualTo("Unknown frame source 'model'; available: constant, ground-truth."));
    }
}
