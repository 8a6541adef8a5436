using System.Numerics;

namespace RtfmGym.Env.Navigation;

/// <summary>
/// Geodesic (shortest collision-free) distances in metres from every navigation cell to one
/// goal, for one agent radius: Dijkstra over 8-connected path cells, never cutting corners.
/// </summary>
public sealed class DistanceField
{
    private readonly NavigationGrid _grid;
    private readonly float[] _dist;
    private readonly float _radius;

    internal DistanceField(NavigationGrid grid, Vector2 goal, float radius)
    {
        _grid = grid;
        _radius = radius;
        Goal = goal;
        _dist = new float[grid.Width * grid.Depth];
        Array.Fill(_dist, float.PositiveInfinity);
        int start = NearestTraversable(goal);
        if (start < 0) return;
        var heap = new PriorityQueue<int, float>();
        _dist[start] = Vector2.Distance(goal, grid.CellCenter(start));
        heap.Enqueue(start, _dist[start]);
        int w = grid.Width, d = grid.Depth;
        float diag = grid.CellSize * MathF.Sqrt(2f);
        while (heap.TryDequeue(out int c, out float dc))
        {
            if (dc > _dist[c]) continue;
            int ci = c % w, cj = c / w;
            for (int dj = -1; dj <= 1; dj++)
            {
                for (int di = -1; di <= 1; di++)
                {
                    if (di == 0 && dj == 0) continue;
                    int ni = ci + di, nj = cj + dj;
                    if ((uint)ni >= (uint)w || (uint)nj >= (uint)d) continue;
                    int nc = nj * w + ni;
                    if (!grid.IsTraversable(nc, radius)) continue;
                    if (di != 0 && dj != 0 && (!grid.IsTraversable(cj * w + ni, radius) || !grid.IsTraversable(nj * w + ci, radius))) continue;
                    float nd = dc + (di != 0 && dj != 0 ? diag : grid.CellSize);
                    if (nd < _dist[nc]) { _dist[nc] = nd; heap.Enqueue(nc, nd); }
                }
            }
        }
    }

    /// <summary>The goal this field measures distances to.</summary>
    public Vector2 Goal { get; }

    /// <summary>Geodesic distance in metres from <paramref name="xz"/> to the goal; +infinity when unreachable.</summary>
    /// <remarks>Points just off the path cells (near a wall but still collision-free) take their nearest path cell's figure plus the straight hop to it.</remarks>
    public float At(Vector2 xz)
    {
        int c = NearestTraversable(xz);
        if (c < 0 || !float.IsFinite(_dist[c])) return float.PositiveInfinity;
        if (_grid.TryCell(Goal, out int g) && g == c) return Vector2.Distance(xz, Goal);
        return _dist[c] + Vector2.Distance(xz, _grid.CellCenter(c));
    }

    /// <summary>The path from <paramref name="from"/> to the goal by steepest descent, then shortened where line of sight allows; null when unreachable.</summary>
    public IReadOnlyList<Vector2>? PathFrom(Vector2 from)
    {
        int c = NearestTraversable(from);
        if (c < 0 || !float.IsFinite(_dist[c])) return null;
        var cells = new List<Vector2> { from };
        int w = _grid.Width, d = _grid.Depth;
        int guard = _dist.Length;
        while (guard-- > 0)
        {
            cells.Add(_grid.CellCenter(c));
            int best = c;
            int ci = c % w, cj = c / w;
            for (int dj = -1; dj <= 1; dj++)
            {
                for (int di = -1; di <= 1; di++)
                {
                    int ni = ci + di, nj = cj + dj;
                    if ((uint)ni >= (uint)w || (uint)nj >= (uint)d) continue;
                    int nc = nj * w + ni;
                    if (_dist[nc] < _dist[best]) best = nc;
                }
            }
            if (best == c) break;
            c = best;
        }
        cells.Add(Goal);
        var simplified = new List<Vector2> { cells[0] };
        int k = 0;
        while (k < cells.Count - 1)
        {
            int next = k + 1;
            for (int m = cells.Count - 1; m > k + 1; m--)
            {
                if (_grid.LineOfSight(cells[k], cells[m], _radius)) { next = m; break; }
            }
            simplified.Add(cells[next]);
            k = next;
        }
        return simplified;
    }

    private int NearestTraversable(Vector2 xz)
    {
        int i0 = (int)MathF.Floor(xz.X / _grid.CellSize), j0 = (int)MathF.Floor(xz.Y / _grid.CellSize);
        int best = -1;
        float bestD = float.PositiveInfinity;
        // Agents may stand closer to walls than path cells allow; search a few cells around.
        int reach = (int)MathF.Ceiling((_radius + 2f * _grid.SafetyMargin) / _grid.CellSize) + 1;
        for (int r = 0; r <= reach && best < 0; r++)
        {
            for (int j = j0 - r; j <= j0 + r; j++)
            {
                for (int i = i0 - r; i <= i0 + r; i++)
                {
                    if (Math.Max(Math.Abs(i - i0), Math.Abs(j - j0)) != r) continue;
                    if ((uint)i >= (uint)_grid.Width || (uint)j >= (uint)_grid.Depth) continue;
                    int c = j * _grid.Width + i;
                    if (!_grid.IsTraversable(c, _radius)) continue;
                    float dd = Vector2.DistanceSquared(xz, _grid.CellCenter(c));
                    if (dd < bestD) { bestD = dd; best = c; }
                }
            }
        }
        return best;
    }
}
