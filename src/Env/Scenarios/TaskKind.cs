namespace RtfmGym.Env.Scenarios;

/// <summary>The task an episode poses.</summary>
public enum TaskKind
{
    /// <summary>Reach a goal point within a radius (and stop, when the action kind has a stop action).</summary>
    PointNav,

    /// <summary>See as much new floor as possible.</summary>
    Explore,

    /// <summary>No reward and no goal: for rendering and data collection.</summary>
    Free,
}
