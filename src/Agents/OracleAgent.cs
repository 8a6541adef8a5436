using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Tasks;

namespace RtfmGym.Agents;

/// <summary>
/// The PointNav oracle: a privileged agent that reads the world's navigation grid, plans the
/// shortest collision-free path to the goal and follows it with a <see cref="WaypointController"/>,
/// replanning after repeated collisions. Needs a local environment (<see cref="AgentContext.Privileged"/>).
/// </summary>
public sealed class OracleAgent : IAgent
{
    private IWorldEnvironment? _env;
    private WaypointController? _controller;
    private int _blocked;

    /// <inheritdoc />
    public string Name => "oracle";

    /// <inheritdoc />
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info)
    {
        _env = context.Privileged ?? throw new InvalidOperationException("The oracle needs a local environment (it reads the world's map); use it with `rtfmgym run`, not over the bridge.");
        if (_env.Task is not PointNavTask nav) throw new InvalidOperationException("The oracle solves PointNav; this scenario's task is " + _env.Scenario.Task.Kind + ".");
        // Aim to stop well inside the success radius, leaving room for one discrete step of slack.
        float tolerance = MathF.Max(0.05f, nav is not null ? _env.Scenario.Task.SuccessRadius * 0.6f : 0.2f);
        _controller = new WaypointController(context.ActionSpace, _env.Actions.Settings, tolerance);
        _blocked = 0;
        Plan();
    }

    /// <inheritdoc />
    public object Act(object observation, IReadOnlyDictionary<string, object?> info)
    {
        var controller = _controller ?? throw new InvalidOperationException("Reset the agent first.");
        _blocked = InfoKeys.Collided.ReadOr(info, false) ? _blocked + 1 : 0;
        if (_blocked >= 3)
        {
            Plan();
            _blocked = 0;
        }
        return controller.Act(WaypointController.ReadPose(info));
    }

    private void Plan()
    {
        var env = _env!;
        var nav = (PointNavTask)env.Task;
        var start = new Vector2(env.Pose.Position.X, env.Pose.Position.Z);
        var path = env.World.Navigation.ShortestPath(start, nav.GoalPosition, env.Scenario.AgentRadius) ?? [nav.GoalPosition];
        _controller!.SetRoute(path.Skip(1).ToArray());
    }
}
