using System.Numerics;

namespace RtfmGym.Env.Scenarios;

/// <summary>Task settings of a scenario. Distances in metres; defaults follow Habitat's PointNav where it has one.</summary>
public sealed record TaskSettings
{
    /// <summary>Which task scores the episode. Default PointNav.</summary>
    public TaskKind Kind { get; init; } = TaskKind.PointNav;

    /// <summary>PointNav goal (x, z); null draws a reachable goal from the episode seed.</summary>
    public Vector2? Goal { get; init; }

    /// <summary>Success when the agent is within this distance of the goal. Default 0.25.</summary>
    public float SuccessRadius { get; init; } = 0.25f;

    /// <summary>Reward subtracted every step. Default 0.01.</summary>
    public float StepCost { get; init; } = 0.01f;

    /// <summary>Reward added on success. Default 2.5.</summary>
    public float SuccessReward { get; init; } = 2.5f;

    /// <summary>Geodesic distance range for drawn goals. Default 1 to 12.</summary>
    public float MinGoalDistance { get; init; } = 1f;

    /// <inheritdoc cref="MinGoalDistance"/>
    public float MaxGoalDistance { get; init; } = 12f;

    /// <summary>Explore: how far the camera sees floor, metres. Default 4.</summary>
    public float ViewRange { get; init; } = 4f;

    /// <summary>Explore: reward per square metre of newly seen floor. Default 0.1.</summary>
    public float AreaReward { get; init; } = 0.1f;
}
