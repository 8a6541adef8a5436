using System.Numerics;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Navigation;

/// <summary>
/// The floor of a world as a fine grid for collision, reachability, goal sampling and
/// shortest paths. Positions are world (x, z) in metres as <see cref="Vector2"/> (X = x, Y = z).
/// Collision (<see cref="IsFree(Vector2, float)"/>) tests the exact geometry: a disc against wall cells and
/// prop footprints. Paths and geodesic distances use grid cells whose clearance exceeds the
/// agent's radius by a safety margin, so a path found here is always collision-free.
/// </summary>
public sealed class NavigationGrid
{
    private readonly World _world;
    private readonly float[] _clearance; // metres from each cell centre to the nearest obstacle
    private readonly Dictionary<int, int[]> _freeCellsByRadius = new();
    private readonly object _gate = new();

    internal NavigationGrid(World world, float cellSize)
    {
        if (!(cellSize > 0.005f)) throw new ArgumentOutOfRangeException(nameof(cellSize), "Navigation cell size must exceed 5 mm.");
        _world = world;
        CellSize = cellSize;
        Width = (int)MathF.Ceiling(world.SizeX / cellSize);
        Depth = (int)MathF.Ceiling(world.SizeZ / cellSize);
        _clearance = ComputeClearance();
    }

    /// <summary>Navigation cell side, metres.</summary>
    public float CellSize { get; }

    /// <summary>Cells along x.</summary>
    public int Width { get; }

    /// <summary>Cells along z.</summary>
    public int Depth { get; }

    /// <summary>Extra clearance, beyond the agent's radius, that path cells keep from obstacles (metres).</summary>
    public float SafetyMargin => CellSize * 0.75f;

    /// <summary>True when a disc of <paramref name="radius"/> metres at <paramref name="xz"/> touches no wall and no prop.</summary>
    public bool IsFree(Vector2 xz, float radius) => IsFree(xz, radius, float.NegativeInfinity);

    /// <summary>Like <see cref="IsFree(Vector2, float)"/> for a body whose lowest point is <paramref name="bottom"/> metres high: props lower than that are flown over.</summary>
    public bool IsFree(Vector2 xz, float radius, float bottom)
    {
        float cs = _world.CellSize;
        int i0 = (int)MathF.Floor((xz.X - radius) / cs), i1 = (int)MathF.Floor((xz.X + radius) / cs);
        int j0 = (int)MathF.Floor((xz.Y - radius) / cs), j1 = (int)MathF.Floor((xz.Y + radius) / cs);
        float r2 = radius * radius;
        for (int j = j0; j <= j1; j++)
        {
            for (int i = i0; i <= i1; i++)
            {
                if (_world.Cell(i, j) != CellKind.Wall) continue;
                float cx = Math.Clamp(xz.X, i * cs, (i + 1) * cs), cz = Math.Clamp(xz.Y, j * cs, (j + 1) * cs);
                float dx = xz.X - cx, dz = xz.Y - cz;
                if (dx * dx + dz * dz < r2) return false;
            }
        }
        foreach (Prop p in _world.Props)
        {
            if (p.Top > bottom && PropDistance(p, xz) < radius) return false;
        }
        return true;
    }

    /// <summary>Distance in metres from <paramref name="xz"/> to the nearest obstacle (walls and props), approximated on the grid.</summary>
    public float Clearance(Vector2 xz) => TryCell(xz, out int c) ? _clearance[c] : 0f;

    /// <summary>True when cell <paramref name="cell"/> (index j * Width + i) is a safe path cell for an agent of <paramref name="radius"/>.</summary>
    public bool IsTraversable(int cell, float radius) => _clearance[cell] >= radius + SafetyMargin;

    /// <summary>The cell containing <paramref name="xz"/>; false outside the grid.</summary>
    public bool TryCell(Vector2 xz, out int cell)
    {
        int i = (int)MathF.Floor(xz.X / CellSize), j = (int)MathF.Floor(xz.Y / CellSize);
        cell = j * Width + i;
        return (uint)i < (uint)Width && (uint)j < (uint)Depth;
    }

    /// <summary>The world (x, z) of a cell's centre.</summary>
    public Vector2 CellCenter(int cell) => new(((cell % Width) + 0.5f) * CellSize, ((cell / Width) + 0.5f) * CellSize);

    /// <summary>Geodesic distances to <paramref name="goal"/> for an agent of <paramref name="radius"/> metres.</summary>
    public DistanceField DistancesTo(Vector2 goal, float radius) => new(this, goal, radius);

    /// <summary>Shortest collision-free path from <paramref name="from"/> to <paramref name="to"/> (both included), shortened by line-of-sight; null when unreachable.</summary>
    public IReadOnlyList<Vector2>? ShortestPath(Vector2 from, Vector2 to, float radius) => DistancesTo(to, radius).PathFrom(from);

    /// <summary>True when <paramref name="to"/> can be reached from <paramref name="from"/>.</summary>
    public bool IsReachable(Vector2 from, Vector2 to, float radius) => float.IsFinite(DistancesTo(to, radius).At(from));

    /// <summary>A uniformly drawn path cell centre for an agent of <paramref name="radius"/>; false when the floor has none.</summary>
    public bool TrySampleFree(Rng rng, float radius, out Vector2 xz)
    {
        int[] free = FreeCells(radius);
        if (free.Length == 0) { xz = default; return false; }
        xz = CellCenter(free[(int)rng.NextLong(free.Length)]);
        return true;
    }

    /// <summary>The number of path cells for <paramref name="radius"/> (a measure of navigable area: times CellSize^2 in square metres).</summary>
    public int FreeCellCount(float radius) => FreeCells(radius).Length;

    /// <summary>True when the straight segment between two points stays on path cells.</summary>
    public bool LineOfSight(Vector2 a, Vector2 b, float radius)
    {
        float len = Vector2.Distance(a, b);
        int n = Math.Max(1, (int)MathF.Ceiling(len / (CellSize * 0.5f)));
        for (int k = 0; k <= n; k++)
        {
            Vector2 p = Vector2.Lerp(a, b, k / (float)n);
            if (!TryCell(p, out int c) || !IsTraversable(c, radius)) return false;
        }
        return true;
    }

    private int[] FreeCells(float radius)
    {
        int key = (int)MathF.Round(radius * 1000f);
        lock (_gate)
        {
            if (_freeCellsByRadius.TryGetValue(key, out int[]? cells)) return cells;
            var list = new List<int>();
            for (int c = 0; c < _clearance.Length; c++) if (IsTraversable(c, radius)) list.Add(c);
            cells = list.ToArray();
            _freeCellsByRadius[key] = cells;
            return cells;
        }
    }

    private static float PropDistance(Prop p, Vector2 xz)
    {
        if (p.Shape == PropShape.Box)
        {
            float dx = MathF.Max(MathF.Abs(xz.X - p.Center.X) - p.HalfExtents.X, 0f);
            float dz = MathF.Max(MathF.Abs(xz.Y - p.Center.Z) - p.HalfExtents.Z, 0f);
            return MathF.Sqrt(dx * dx + dz * dz);
        }
        return MathF.Max(Vector2.Distance(xz, new Vector2(p.Center.X, p.Center.Z)) - p.HalfExtents.X, 0f);
    }

    /// <summary>Exact Euclidean distance transform (Felzenszwalb and Huttenlocher) over obstacle cells.</summary>
    private float[] ComputeClearance()
    {
        int n = Width * Depth;
        var f = new float[n];
        const float Inf = 1e20f;
        for (int j = 0; j < Depth; j++)
        {
            for (int i = 0; i < Width; i++)
            {
                var p = new Vector2((i + 0.5f) * CellSize, (j + 0.5f) * CellSize);
                f[j * Width + i] = IsObstacle(p) ? 0f : Inf;
            }
        }
        int m = Math.Max(Width, Depth);
        var line = new float[m];
        var outLine = new float[m];
        var v = new int[m];
        var z = new float[m + 1];
        for (int i = 0; i < Width; i++)
        {
            for (int j = 0; j < Depth; j++) line[j] = f[j * Width + i];
            Edt1D(line, Depth, outLine, v, z);
            for (int j = 0; j < Depth; j++) f[j * Width + i] = outLine[j];
        }
        for (int j = 0; j < Depth; j++)
        {
            Array.Copy(f, j * Width, line, 0, Width);
            Edt1D(line, Width, outLine, v, z);
            Array.Copy(outLine, 0, f, j * Width, Width);
        }
        // Cell-centre distances in cells; subtract half a cell so the figure never overstates clearance.
        for (int c = 0; c < n; c++) f[c] = MathF.Max(0f, (MathF.Sqrt(f[c]) - 0.5f) * CellSize);
        return f;
    }

    private bool IsObstacle(Vector2 p)
    {
        int i = (int)MathF.Floor(p.X / _world.CellSize), j = (int)MathF.Floor(p.Y / _world.CellSize);
        if (_world.Cell(i, j) == CellKind.Wall) return true;
        foreach (Prop prop in _world.Props) if (PropDistance(prop, p) <= 0f) return true;
        return false;
    }

    private static void Edt1D(float[] f, int n, float[] d, int[] v, float[] z)
    {
        int k = 0;
        v[0] = 0; z[0] = float.NegativeInfinity; z[1] = float.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            float s;
            while (true)
            {
                s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2f * q - 2f * v[k]);
                if (s <= z[k] && k > 0) k--; else break;
            }
            if (s <= z[k]) { v[k] = q; z[k + 1] = float.PositiveInfinity; continue; }
            k++; v[k] = q; z[k] = s; z[k + 1] = float.PositiveInfinity;
        }
        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            d[q] = (q - v[k]) * (q - v[k]) + f[v[k]];
        }
    }
}
