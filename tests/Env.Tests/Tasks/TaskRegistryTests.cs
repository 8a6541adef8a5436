using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Tasks;

namespace RtfmGym.Env.Tests.Tasks;

public class TaskRegistryTests
{
    /// <summary>A task of the test's own: reward 1 per step, ends after a set number of steps, counts its steps in info.</summary>
    private sealed class CountdownTask(int steps) : INavigationTask
    {
        private int _taken;

        public BoxSpace? GoalSpace => null;
        public bool RefuseReset { get; set; }

        public void Reset(TaskContext context, Pose start)
        {
            if (RefuseReset) throw new RtfmGymException("refused");
            _taken = 0;
        }

        public TaskStep Step(Pose pose, MoveResult move, bool stopRequested) => new(1, ++_taken >= steps);

        public void WriteInfo(IDictionary<string, object?> info, bool episodeOver) => info["countdown_taken"] = _taken;

        public NDArray? GoalObservation(Pose pose) => null;

        public object Capture() => _taken;

        public void Restore(object state) => _taken = (int)state;
    }

    private static EnvironmentComponents With(INavigationTask task) =>
        EnvironmentComponents.BuiltIn with { Tasks = TaskRegistry.BuiltIn.With(TaskKind.Free, _ => task) };

    [Test]
    public void Environment_CustomTaskInjected_ScoresAndEndsTheEpisode()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(task: "free"), components: With(new CountdownTask(3)));
        Assert.That(env.Task, Is.TypeOf<CountdownTask>());
        env.Reset(1);
        StepResult r = default!;
        for (int i = 0; i < 3; i++) r = env.Step((long)DiscreteAction.TurnLeft);
        Assert.That((r.Reward, r.Terminated, r.Info["countdown_taken"]), Is.EqualTo((1.0, true, 3)));
    }

    [Test]
    public void Snapshot_CustomTask_RestoresItsState()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(task: "free"), components: With(new CountdownTask(5)));
        env.Reset(1);
        env.Step((long)DiscreteAction.TurnLeft);
        EnvironmentSnapshot snapshot = env.Snapshot();
        env.Step((long)DiscreteAction.TurnLeft);
        env.Restore(snapshot);
        Assert.That(env.Step((long)DiscreteAction.TurnLeft).Info["countdown_taken"], Is.EqualTo(2));
    }

    [Test]
    public void Restore_SnapshotOfAnotherTaskType_ThrowsNamingBoth()
    {
        using var custom = new RtfmEnvironment(TestScenarios.Small(task: "free"), components: With(new CountdownTask(5)));
        using var builtIn = new RtfmEnvironment(TestScenarios.Small(task: "free"));
        custom.Reset(1);
        builtIn.Reset(1);
        var e = Assert.Throws<RtfmGymException>(() => builtIn.Restore(custom.Snapshot()));
        Assert.That(e!.Message, Does.Contain("task is CountdownTask, but this environment's is FreeTask"));
        Assert.That(builtIn.StepCount, Is.EqualTo(0));
    }

    [Test]
    public void Reset_CustomTaskRefuses_LeavesTheTaskAsItWas()
    {
        var task = new CountdownTask(5);
        using var env = new RtfmEnvironment(TestScenarios.Small(task: "free"), components: With(task));
        env.Reset(1);
        env.Step((long)DiscreteAction.TurnLeft);
        task.RefuseReset = true;
        Assert.Throws<RtfmGymException>(() => env.Reset(2));
        task.RefuseReset = false;
        Assert.That(env.Step((long)DiscreteAction.TurnLeft).Info["countdown_taken"], Is.EqualTo(2));
    }

    [Test]
    public void With_LeavesTheOriginalAlone()
    {
        TaskRegistry custom = TaskRegistry.BuiltIn.With(TaskKind.PointNav, _ => new FreeTask());
        Assert.That(custom.Create(TestScenarios.Small()), Is.TypeOf<FreeTask>());
        Assert.That(TaskRegistry.BuiltIn.Create(TestScenarios.Small()), Is.TypeOf<PointNavTask>());
    }

    [TestCase("pointnav", typeof(PointNavTask))]
    [TestCase("explore", typeof(ExploreTask))]
    [TestCase("free", typeof(FreeTask))]
    public void BuiltIn_EachKind_MakesItsTask(string kind, Type expected) =>
        Assert.That(TaskRegistry.BuiltIn.Create(TestScenarios.Small(task: kind)), Is.TypeOf(expected));

    [Test]
    public void Create_FactoryReturnsNull_ThrowsNamingTheKind()
    {
        TaskRegistry broken = TaskRegistry.BuiltIn.With(TaskKind.Explore, _ => null!);
        var e = Assert.Throws<RtfmGymException>(() => new RtfmEnvironment(TestScenarios.Small(task: "explore"), components: EnvironmentComponents.BuiltIn with { Tasks = broken }));
        Assert.That(e!.Message, Does.Contain("task kind Explore returned no task"));
    }

    [Test]
    public void With_NullFactory_Throws() =>
        Assert.Throws<ArgumentNullException>(() => TaskRegistry.BuiltIn.With(TaskKind.Free, null!));
}
