using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tasks;

/// <summary>
/// Exploration: reward for floor newly seen, per square metre (times the area reward), minus
/// the step cost. Visibility is measured on the layout grid by casting rays across the
/// camera's horizontal field of view up to the view range; walls block sight (props are
/// low enough to see over). Info reports "coverage" (seen fraction of all floor) and "seen_area".
/// </summary>
public sealed class ExploreTask : INavigationTask
{
    private TaskContext? _context;
    private bool[] _seen = [];
    private int _seenCount;
    private int _floorCount;

    /// <inheritdoc/>
    public BoxSpace? GoalSpace => null;

    /// <summary>Fraction of the world's floor seen so far, 0 to 1.</summary>
    public double Coverage => _floorCount == 0 ? 0 : (double)_seenCount / _floorCount;

    /// <summary>Whether layout cell (<paramref name="i"/>, <paramref name="j"/>) of the world has been seen this episode (false outside the world).</summary>
    public bool IsSeen(int i, int j) => _context is { } c && (uint)i < (uint)c.World.Width && (uint)j < (uint)c.World.Depth && _seen[j * c.World.Width + i];

    /// <inheritdoc/>
    public void Reset(TaskContext context, Pose start)
    {
        _context = context;
        World w = context.World;
        _seen = new bool[w.Width * w.Depth];
        _seenCount = 0;
        _floorCount = 0;
        for (int j = 0; j < w.Depth; j++)
            for (int i = 0; i < w.Width; i++)
                if (w.Cell(i, j) == CellKind.Floor) _floorCount++;
        Observe(start);
    }

    /// <inheritdoc/>
    public TaskStep Step(Pose pose, MoveResult move, bool stopRequested)
    {
        var ctx = _context ?? throw new InvalidOperationException("Reset the task first.");
        int newly = Observe(pose);
        double area = newly * ctx.World.CellSize * ctx.World.CellSize;
        return new TaskStep(area * ctx.Scenario.Task.AreaReward - ctx.Scenario.Task.StepCost, false);
    }

    /// <inheritdoc/>
    public void WriteInfo(IDictionary<string, object?> info, bool episodeOver)
    {
        if (_context is null) return;
        InfoKeys.Coverage.Write(info, Coverage);
        InfoKeys.SeenArea.Write(info, _seenCount * (double)_context.World.CellSize * _context.World.CellSize);
    }

    /// <inheritdoc/>
    public NDArray? GoalObservation(Pose pose) => null;

    /// <inheritdoc/>
    public object Capture() => new State(_context, (bool[])_seen.Clone(), _seenCount, _floorCount);

    /// <inheritdoc/>
    public void Restore(object state)
    {
        var s = (State)state;
        (_context, _seen, _seenCount, _floorCount) = (s.Context, (bool[])s.Seen.Clone(), s.SeenCount, s.FloorCount);
    }

    private sealed record State(TaskContext? Context, bool[] Seen, int SeenCount, int FloorCount);

    private int Observe(Pose pose)
    {
        var ctx = _context!;
        World w = ctx.World;
        float hfov = ctx.Scenario.Camera.Intrinsics().HorizontalFov;
        float range = ctx.Scenario.Task.ViewRange;
        int rays = Math.Max(16, ctx.Scenario.Camera.Width);
        float yaw = pose.Yaw;
        var origin = new Vector2(pose.Position.X, pose.Position.Z);
        float step = w.CellSize * 0.5f;
        int before = _seenCount;
        for (int k = 0; k < rays; k++)
        {
            float a = yaw + hfov * (0.5f - (k + 0.5f) / rays);
            var dir = new Vector2(-MathF.Sin(a), -MathF.Cos(a));
            for (float t = 0; t <= range; t += step)
            {
                Vector2 p = origin + dir * t;
                int i = (int)MathF.Floor(p.X / w.CellSize), j = (int)MathF.Floor(p.Y / w.CellSize);
                if (w.Cell(i, j) != CellKind.Floor) break;
                int c = j * w.Width + i;
                if (!_seen[c]) { _seen[c] = true; _seenCount++; }
            }
        }
        return _seenCount - before;
    }
}
