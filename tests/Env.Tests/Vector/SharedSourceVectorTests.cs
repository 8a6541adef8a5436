using RtfmGym.Env.Checking;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Vector;

namespace RtfmGym.Env.Tests.Vector;

public class SharedSourceVectorTests
{
    /// <summary>A source that draws from context, like the learned model, and counts its calls: the ground truth underneath.</summary>
    private sealed class CountingSource : IFrameSource
    {
        private readonly Env.Rendering.GroundTruthRenderer _inner = new(new Env.Rendering.RendererOptions { Threads = 1 });

        public List<int> CallSizes { get; } = [];

        public string Name => "counting";

        public bool DrawsFromContext => true;

        public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests)
        {
            CallSizes.Add(requests.Count);
            return _inner.Draw(requests);
        }

        public void Dispose() => _inner.Dispose();
    }

    private static VectorEnvironment Make(IFrameSource source, int n, AutoresetMode mode = AutoresetMode.NextStep, bool parallel = true, string task = "pointnav") =>
        new(Enumerable.Range(0, n).Select(_ => (IEnvironment)new RtfmEnvironment(TestScenarios.Small(task: task), source)).ToArray(), mode, parallel);

    [TestCase(true)]
    [TestCase(false)]
    public void Step_FourEnvironmentsShareOneSource_OneDrawCallPerStep(bool parallel)
    {
        using var source = new CountingSource();
        using VectorEnvironment v = Make(source, 4, parallel: parallel, task: "free");
        v.Reset(3);
        Assert.That(source.CallSizes, Is.EqualTo(new[] { 4 }), "the four first frames in one call");
        for (int t = 0; t < 5; t++) v.Step([1L, 5L, 6L, 1L]);
        Assert.That(source.CallSizes, Is.EqualTo(new[] { 4, 4, 4, 4, 4, 4 }));
    }

    [Test]
    public void Step_NextStepAutoreset_ResetDrawnInTheSameCall()
    {
        using var source = new CountingSource();
        using VectorEnvironment v = Make(source, 3);
        v.Reset(1);
        var r = v.Step([7L, 0L, 0L]); // env 0 stops: terminated
        Assert.That(r.Terminated[0], Is.True);
        var next = v.Step([0L, 0L, 0L]);
        Assert.That(next.Infos[0]["step"], Is.EqualTo(0), "env 0 was reset");
        Assert.That(source.CallSizes, Is.EqualTo(new[] { 3, 3, 3 }));
    }

    [Test]
    public void Step_SharedSource_SameResultsAsEachEnvironmentAlone()
    {
        using var source = new CountingSource();
        using VectorEnvironment shared = Make(source, 3);
        var alone = Enumerable.Range(0, 3).Select(_ => new RtfmEnvironment(TestScenarios.Small("ground-truth"), memory: new SpatialMemory())).ToArray();
        var (sharedObs, _) = shared.Reset(5);
        for (int i = 0; i < 3; i++) Assert.That(EnvChecker.SameValue(sharedObs[i], alone[i].Reset(5 + i).Observation), Is.True);
        var rng = new Randomness.Rng(4);
        for (int t = 0; t < 12; t++)
        {
            object[] actions = Enumerable.Range(0, 3).Select(_ => (object)(long)rng.NextInt(1, 7)).ToArray();
            VectorStepResult r = shared.Step(actions);
            for (int i = 0; i < 3; i++)
            {
                StepResult s = alone[i].Step(actions[i]);
                Assert.That(EnvChecker.SameValue(r.Observations[i], s.Observation), Is.True, $"t {t} env {i}");
                Assert.That(r.Infos[i]["memory_retrieved"], Is.EqualTo(s.Info["memory_retrieved"]), $"t {t} env {i}: each environment retrieves from its own memory");
            }
        }
        foreach (RtfmEnvironment e in alone) e.Dispose();
    }
}
