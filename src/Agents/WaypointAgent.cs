using System.Numerics;
using RtfmGym.Env.Actions;

namespace RtfmGym.Agents;

/// <summary>A scripted agent that follows fixed waypoints (x, z in metres) and stops at the last one.</summary>
public sealed class WaypointAgent(IReadOnlyList<Vector2> waypoints, ActionSettings? settings = null, float goalTolerance = 0.2f) : IAgent
{
    private WaypointController? _controller;

    /// <inheritdoc />
    public string Name => "waypoints";

    /// <inheritdoc />
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info)
    {
        _controller = new WaypointController(context.ActionSpace, settings ?? context.Privileged?.Actions.Settings ?? new ActionSettings(), goalTolerance);
        _controller.SetRoute(waypoints);
    }

    /// <inheritdoc />
    public object Act(object observation, IReadOnlyDictionary<string, object?> info)
    {
        var controller = _controller ?? throw new InvalidOperationException("Reset the agent first.");
        return controller.Act(WaypointController.ReadPose(info));
    }
}
