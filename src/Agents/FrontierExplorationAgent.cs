using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Navigation;
using RtfmGym.Env.Tasks;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Agents;

/// <summary>
/// The Explore oracle: frontier exploration with privileged knowledge. It reads the world's layout and
/// navigation grid and which floor cells the task has seen so far, heads along the shortest collision-free
/// path to the nearest unseen floor cell (geodesic distance), and picks the next one as soon as that cell
/// has been seen, the path's end is reached without seeing it (the cell is then skipped), or the body is
/// blocked three steps running. Steering is the <see cref="WaypointController"/>'s, so it drives discrete,
/// continuous and 6-DoF bodies. Needs a local environment (<see cref="AgentContext.Privileged"/>).
/// </summary>
public sealed class FrontierExplorationAgent : IAgent
{
    private IWorldEnvironment? _env;
    private ExploreTask? _task;
    private WaypointController? _controller;
    private readonly HashSet<int> _skipped = new();
    private int? _target;
    private int _blocked;

    /// <inheritdoc />
    public string Name => "frontier";

    /// <inheritdoc />
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info)
    {
        _env = context.Privileged ?? throw new InvalidOperationException("The frontier agent needs a local environment (it reads the world's map); use it with `rtfmgym run`, not over the bridge.");
        _task = _env.Task as ExploreTask ?? throw new InvalidOperationException($"The frontier agent explores; this scenario's task is {_env.Scenario.Task.Kind}.");
        // Exploration never stops on purpose: a loose tolerance only decides when a path counts as walked.
        _controller = new WaypointController(context.ActionSpace, _env.Actions.Settings, goalTolerance: 0.3f);
        _skipped.Clear();
        _target = null;
        _blocked = 0;
    }

    /// <inheritdoc />
    public object Act(object observation, IReadOnlyDictionary<string, object?> info)
    {
        var controller = _controller ?? throw new InvalidOperationException("Reset the agent first.");
        _blocked = InfoKeys.Collided.ReadOr(info, false) ? _blocked + 1 : 0;
        FloorPose at = WaypointController.ReadPose(info);
        bool replan = _target is not { } t || IsSeen(t) || _blocked >= 3 || controller.Finished;
        if (replan)
        {
            if (_target is { } old && !IsSeen(old) && (controller.Finished || _blocked >= 3)) _skipped.Add(old);
            _blocked = 0;
            Plan(at.Position);
        }
        object action = controller.Act(at);
        if (!controller.Finished) return action;
        // The path ended with its cell still unseen: skip that cell and head for the next now, rather than waste a step stopping.
        if (_target is { } reached) _skipped.Add(reached);
        Plan(at.Position);
        return controller.Act(at);
    }

    private bool IsSeen(int cell) => _task!.IsSeen(cell % _env!.World.Width, cell / _env.World.Width);

    /// <summary>Chooses the nearest unseen, unskipped floor cell by geodesic distance and routes to it.</summary>
    private void Plan(Vector2 position)
    {
        World world = _env!.World;
        float radius = _env.Scenario.AgentRadius;
        DistanceField fromHere = world.Navigation.DistancesTo(position, radius);
        int best = -1;
        float bestDistance = float.PositiveInfinity;
        for (int j = 0; j < world.Depth; j++)
        {
            for (int i = 0; i < world.Width; i++)
            {
                int cell = j * world.Width + i;
                if (world.Cell(i, j) != CellKind.Floor || _task!.IsSeen(i, j) || _skipped.Contains(cell)) continue;
                float d = fromHere.At(Centre(world, cell));
                if (d < bestDistance) (best, bestDistance) = (cell, d);
            }
        }
        _target = best < 0 ? null : best;
        if (best < 0)
        {
            _controller!.SetRoute([]); // everything reachable has been seen: stand still
            return;
        }
        Vector2 goal = Centre(world, best);
        IReadOnlyList<Vector2> path = world.Navigation.ShortestPath(position, goal, radius) ?? [position, goal];
        _controller!.SetRoute(path.Count > 1 ? path.Skip(1).ToArray() : [goal]);
    }

    private static Vector2 Centre(World world, int cell) => new(((cell % world.Width) + 0.5f) * world.CellSize, ((cell / world.Width) + 0.5f) * world.CellSize);
}
