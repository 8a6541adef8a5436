using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Tasks;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Agents.Tests;

/// <summary>Privileged agents plan through <see cref="IWorldEnvironment"/>, so they work with any environment that offers it.</summary>
public class PrivilegedAccessTests
{
    /// <summary>Not an RtfmEnvironment: it wraps one and shows its world through the interface alone.</summary>
    private sealed class WorldView(RtfmEnvironment inner) : IWorldEnvironment
    {
        public Space ObservationSpace => inner.ObservationSpace;
        public Space ActionSpace => inner.ActionSpace;
        public Scenario Scenario => inner.Scenario;
        public World World => inner.World;
        public Pose Pose => inner.Pose;
        public INavigationTask Task => inner.Task;
        public ActionModel Actions => inner.Actions;
        public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null) => inner.Reset(seed, options);
        public StepResult Step(object action) => inner.Step(action);
        public void Close() => inner.Close();
        public void Dispose() => inner.Dispose();
    }

    [Test]
    public void Oracle_EnvironmentShowingItsWorld_ReachesTheGoal()
    {
        Scenario s = SuiteFixture.Suite().ForEpisode(SuiteFixture.Suite().Episodes[0]);
        using var env = new WorldView(new RtfmEnvironment(s));
        EpisodeResult r = EpisodeRunner.Run(env, new OracleAgent(), s.Seed);
        Assert.That((r.Success, r.Scenario), Is.EqualTo((true, s.Name)), r.ToString());
    }
}
