using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Tasks;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env;

/// <summary>
/// A local environment that shows what it simulates: its scenario, the episode's world, the camera pose,
/// the task and the action model. Privileged agents (the oracle, frontier exploration) plan with it;
/// remote environments do not offer it.
/// </summary>
public interface IWorldEnvironment : IEnvironment
{
    /// <summary>The scenario the environment runs.</summary>
    Scenario Scenario { get; }

    /// <summary>The current episode's world.</summary>
    World World { get; }

    /// <summary>The camera pose now (metres, world frame).</summary>
    Pose Pose { get; }

    /// <summary>The task scoring the episode.</summary>
    INavigationTask Task { get; }

    /// <summary>The action model (its kind, settings and whether it can stop).</summary>
    ActionModel Actions { get; }
}
