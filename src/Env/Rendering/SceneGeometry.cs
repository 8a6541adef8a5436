using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// A world's geometry arranged for ray casting: walls are found by a 2D DDA over the layout
/// grid, bounded by the floor or ceiling plane; props are listed per layout cell (a uniform
/// grid), so a ray tests only the props in cells it crosses. Immutable and thread-safe; the
/// per-ray mailbox lives in a <see cref="TraceScratch"/> owned by the calling thread.
/// </summary>
internal sealed class SceneGeometry
{
    private readonly int _width, _depth;
    private readonly float _cellSize, _invCellSize;
    private readonly bool[] _wall;
    private readonly int[] _room;
    private readonly int[] _cellPropStart;
    private readonly int[] _cellProps;
    private readonly byte[] _clearance;

    public SceneGeometry(World world)
    {
        World = world;
        _width = world.Width;
        _depth = world.Depth;
        _cellSize = world.CellSize;
        _invCellSize = 1f / world.CellSize;
        CeilingHeight = world.CeilingHeight;
        _wall = new bool[_width * _depth];
        _room = new int[_width * _depth];
        for (int j = 0; j < _depth; j++)
        for (int i = 0; i < _width; i++)
        {
            _wall[j * _width + i] = world.Cell(i, j) == CellKind.Wall;
            _room[j * _width + i] = world.CellRoom(i, j);
        }
        Props = world.Props.Select(p => new PropGeometry(p)).ToArray();
        (_cellPropStart, _cellProps) = BuildPropLists();
        _clearance = BuildClearance();
    }

    public World World { get; }
    public float CeilingHeight { get; }
    public PropGeometry[] Props { get; }

    /// <summary>True for wall cells and everything outside the grid.</summary>
    public bool IsWall(int i, int j) => (uint)i >= (uint)_width || (uint)j >= (uint)_depth || _wall[j * _width + i];

    /// <summary>The room of cell (i, j), -1 for walls and outside.</summary>
    public int RoomOf(int i, int j) => (uint)i < (uint)_width && (uint)j < (uint)_depth ? _room[j * _width + i] : -1;

    /// <summary>Lists each prop in every cell its xz bounds overlap, flattened (CSR layout: cell c owns Items[Start[c]..Start[c+1])).</summary>
    private (int[] Start, int[] Items) BuildPropLists()
    {
        var perCell = new List<int>[_width * _depth];
        for (int p = 0; p < Props.Length; p++)
        {
            var (i0, i1, j0, j1) = CellRange(Props[p]);
            for (int j = j0; j <= j1; j++)
            for (int i = i0; i <= i1; i++)
                (perCell[j * _width + i] ??= []).Add(p);
        }
        var start = new int[perCell.Length + 1];
        var items = new List<int>();
        for (int c = 0; c < perCell.Length; c++)
        {
            if (perCell[c] is { } list) items.AddRange(list);
            start[c + 1] = items.Count;
        }
        return (start, items.ToArray());
    }

    /// <summary>
    /// Per cell, the Chebyshev distance in cells to the nearest cell holding a wall or a prop
    /// (outside the grid counts as wall), capped at 255: every cell of the square of
    /// half-side clearance - 1 around a cell is empty, so a ray may cross it in one jump.
    /// </summary>
    private byte[] BuildClearance()
    {
        int w = _width, h = _depth;
        var dist = new int[w * h];
        for (int j = 0; j < h; j++)
        for (int i = 0; i < w; i++)
        {
            int c = j * w + i;
            bool occupied = _wall[c] || _cellPropStart[c + 1] > _cellPropStart[c];
            int border = 1 + Math.Min(Math.Min(i, j), Math.Min(w - 1 - i, h - 1 - j));
            dist[c] = occupied ? 0 : border;
        }
        // Two-pass chamfer transform with unit cost to all eight neighbours gives the Chebyshev distance.
        for (int j = 0; j < h; j++)
        for (int i = 0; i < w; i++)
        {
            int c = j * w + i, d = dist[c];
            if (i > 0) d = Math.Min(d, dist[c - 1] + 1);
            if (j > 0)
            {
                d = Math.Min(d, dist[c - w] + 1);
                if (i > 0) d = Math.Min(d, dist[c - w - 1] + 1);
                if (i < w - 1) d = Math.Min(d, dist[c - w + 1] + 1);
            }
            dist[c] = d;
        }
        for (int j = h - 1; j >= 0; j--)
        for (int i = w - 1; i >= 0; i--)
        {
            int c = j * w + i, d = dist[c];
            if (i < w - 1) d = Math.Min(d, dist[c + 1] + 1);
            if (j < h - 1)
            {
                d = Math.Min(d, dist[c + w] + 1);
                if (i < w - 1) d = Math.Min(d, dist[c + w + 1] + 1);
                if (i > 0) d = Math.Min(d, dist[c + w - 1] + 1);
            }
            dist[c] = d;
        }
        return dist.Select(d => (byte)Math.Min(d, 255)).ToArray();
    }

    private (int I0, int I1, int J0, int J1) CellRange(in PropGeometry g) => (
        Math.Clamp((int)MathF.Floor(g.Min.X * _invCellSize), 0, _width - 1), Math.Clamp((int)MathF.Floor(g.Max.X * _invCellSize), 0, _width - 1),
        Math.Clamp((int)MathF.Floor(g.Min.Z * _invCellSize), 0, _depth - 1), Math.Clamp((int)MathF.Floor(g.Max.Z * _invCellSize), 0, _depth - 1));

    /// <summary>
    /// The closest hit along o + t d with t in [0, <paramref name="tMax"/>). The direction need
    /// not be unit length; t is in units of its length. A wall cell containing the origin is
    /// ignored, so rays leaving a surface never hit it again.
    /// </summary>
    public bool Trace(TraceScratch scratch, Vector3 o, Vector3 d, float tMax, out RayHit hit)
    {
        hit = default;
        hit.Prop = -1;
        float tPlane = float.PositiveInfinity;
        SurfaceKind planeKind = SurfaceKind.None;
        if (d.Y < 0) { tPlane = -o.Y / d.Y; planeKind = SurfaceKind.Floor; }
        else if (d.Y > 0) { tPlane = (CeilingHeight - o.Y) / d.Y; planeKind = SurfaceKind.Ceiling; }
        // An origin above the ceiling or below the floor sees the plane from outside: no hit.
        if (tPlane < 0) { tPlane = float.PositiveInfinity; planeKind = SurfaceKind.None; }
        float best = MathF.Min(tPlane, tMax);
        int bestProp = -1;
        Vector3 bestNormal = default;

        Vector3 invD = new(1f / d.X, 1f / d.Y, 1f / d.Z);
        Walker w = new(this, o, d, invD);
        int ray = scratch.NextRay();
        for (bool first = true; ; first = false)
        {
            if (!first && IsWall(w.I, w.J))
            {
                float y = o.Y + w.TCell * d.Y;
                if (y < 0 || y > CeilingHeight)
                {
                    // Only an origin outside the floor-ceiling slab passes over or under a wall.
                    if ((uint)w.I >= (uint)_width || (uint)w.J >= (uint)_depth || w.TExit >= best) break;
                    w.Step();
                    continue;
                }
                if (w.TCell < best)
                {
                    hit = WallHit(ref w);
                    return true;
                }
                break;
            }
            if ((uint)w.I < (uint)_width && (uint)w.J < (uint)_depth)
            {
                int c = w.J * _width + w.I;
                if (_clearance[c] >= 2)
                {
                    if (w.SkipClearSquare(_clearance[c]) >= best) break;
                    continue;
                }
                for (int k = _cellPropStart[c], end = _cellPropStart[c + 1]; k < end; k++)
                {
                    int p = _cellProps[k];
                    if (!scratch.FirstVisit(p, ray)) continue;
                    if (Props[p].Intersect(o, d, invD, best, out float t, out Vector3 n))
                    {
                        best = t;
                        bestProp = p;
                        bestNormal = n;
                    }
                }
            }
            if (w.TExit >= best) break;
            w.Step();
        }

        if (bestProp >= 0)
        {
            hit = PropHit(bestProp, best, bestNormal);
            return true;
        }
        if (tPlane <= tMax && planeKind != SurfaceKind.None && float.IsFinite(tPlane))
        {
            hit = PlaneHit(planeKind, tPlane, o, d, w.I, w.J);
            return true;
        }
        return false;
    }

    private RayHit PropHit(int prop, float t, Vector3 normal) => new()
    {
        Kind = SurfaceKind.Prop, T = t, Prop = prop, Normal = normal, Room = World.Props[prop].RoomId, CellI = -1, CellJ = -1,
    };

    /// <summary>The wall cell the walker just entered, seen from the open cell it came from.</summary>
    private RayHit WallHit(ref Walker w)
    {
        int pi = w.LastAxisX ? w.I - w.StepI : w.I, pj = w.LastAxisX ? w.J : w.J - w.StepJ;
        return new RayHit
        {
            Kind = SurfaceKind.Wall,
            T = w.TCell,
            Prop = -1,
            CellI = pi,
            CellJ = pj,
            Room = RoomOf(pi, pj),
            Face = w.LastAxisX ? (w.StepI > 0 ? 1 : 0) : (w.StepJ > 0 ? 3 : 2),
            Normal = w.LastAxisX ? new Vector3(-w.StepI, 0, 0) : new Vector3(0, 0, -w.StepJ),
        };
    }

    /// <summary>A floor or ceiling hit; (fallbackI, fallbackJ) names the cell when the hit point sits on the edge of a wall cell.</summary>
    private RayHit PlaneHit(SurfaceKind kind, float t, Vector3 o, Vector3 d, int fallbackI, int fallbackJ)
    {
        int i = (int)MathF.Floor((o.X + t * d.X) * _invCellSize), j = (int)MathF.Floor((o.Z + t * d.Z) * _invCellSize);
        if (IsWall(i, j)) (i, j) = (fallbackI, fallbackJ);
        return new RayHit
        {
            Kind = kind, T = t, Prop = -1, CellI = i, CellJ = j, Room = RoomOf(i, j),
            Normal = kind == SurfaceKind.Floor ? Vector3.UnitY : -Vector3.UnitY,
        };
    }

    /// <summary>
    /// Walks the layout grid once for every ray from <paramref name="o"/> whose xz direction is
    /// (<paramref name="dx"/>, <paramref name="dz"/>): the rays of one image column of a level
    /// camera. Records in <paramref name="scratch"/> the wall that ends the walk and the props of
    /// the cells crossed, so <see cref="TraceInColumn"/> can finish each ray without walking.
    /// The origin must lie between floor and ceiling.
    /// </summary>
    public void WalkColumn(TraceScratch scratch, Vector3 o, float dx, float dz)
    {
        var d = new Vector3(dx, 0, dz);
        Vector3 invD = new(1f / dx, float.PositiveInfinity, 1f / dz);
        Walker w = new(this, o, d, invD);
        int ray = scratch.NextRay();
        scratch.ColumnPropCount = 0;
        scratch.ColumnWall = default;
        for (bool first = true; ; first = false)
        {
            if (!first && IsWall(w.I, w.J))
            {
                scratch.ColumnWall = WallHit(ref w);
                return;
            }
            if ((uint)w.I < (uint)_width && (uint)w.J < (uint)_depth)
            {
                int c = w.J * _width + w.I;
                if (_clearance[c] >= 2)
                {
                    if (float.IsPositiveInfinity(w.SkipClearSquare(_clearance[c]))) return;
                    continue;
                }
                for (int k = _cellPropStart[c], end = _cellPropStart[c + 1]; k < end; k++)
                {
                    int p = _cellProps[k];
                    if (scratch.FirstVisit(p, ray)) scratch.ColumnProps[scratch.ColumnPropCount++] = p;
                }
            }
            if (float.IsPositiveInfinity(w.TExit)) return;
            w.Step();
        }
    }

    /// <summary>
    /// <see cref="Trace"/> with an unbounded range for a ray of the column last walked by
    /// <see cref="WalkColumn"/> (same origin, same xz direction): the same hit, without a grid walk.
    /// </summary>
    public bool TraceInColumn(TraceScratch scratch, Vector3 o, Vector3 d, out RayHit hit)
    {
        float tPlane = float.PositiveInfinity;
        SurfaceKind planeKind = SurfaceKind.None;
        if (d.Y < 0) { tPlane = -o.Y / d.Y; planeKind = SurfaceKind.Floor; }
        else if (d.Y > 0) { tPlane = (CeilingHeight - o.Y) / d.Y; planeKind = SurfaceKind.Ceiling; }
        bool wall = scratch.ColumnWall.Kind == SurfaceKind.Wall;
        float wallT = wall ? scratch.ColumnWall.T : float.PositiveInfinity;
        float best = MathF.Min(tPlane, wallT);
        int bestProp = -1;
        Vector3 bestNormal = default;
        Vector3 invD = new(1f / d.X, 1f / d.Y, 1f / d.Z);
        for (int k = 0; k < scratch.ColumnPropCount; k++)
        {
            int p = scratch.ColumnProps[k];
            if (Props[p].Intersect(o, d, invD, best, out float t, out Vector3 n))
            {
                best = t;
                bestProp = p;
                bestNormal = n;
            }
        }
        if (bestProp >= 0)
        {
            hit = PropHit(bestProp, best, bestNormal);
            return true;
        }
        if (wall && wallT < tPlane)
        {
            hit = scratch.ColumnWall;
            return true;
        }
        if (planeKind != SurfaceKind.None && float.IsFinite(tPlane))
        {
            // Just short of the plane hit the ray is still over the open cell it crossed last.
            Vector3 before = o + d * (tPlane * (1f - 1e-5f));
            hit = PlaneHit(planeKind, tPlane, o, d, (int)MathF.Floor(before.X * _invCellSize), (int)MathF.Floor(before.Z * _invCellSize));
            return true;
        }
        hit = default;
        hit.Prop = -1;
        return false;
    }

    /// <summary>
    /// Whether anything blocks the segment o + t d, t in [0, <paramref name="tMax"/>): walls and
    /// props, except the props <paramref name="ignoreA"/> and <paramref name="ignoreB"/> (-1 for none),
    /// which lets a light sit inside a lamp and a prop's sample points sit inside the prop.
    /// </summary>
    public bool Occluded(TraceScratch scratch, Vector3 o, Vector3 d, float tMax, int ignoreA = -1, int ignoreB = -1)
    {
        Vector3 invD = new(1f / d.X, 1f / d.Y, 1f / d.Z);
        Walker w = new(this, o, d, invD);
        int ray = scratch.NextRay();
        for (bool first = true; ; first = false)
        {
            if (w.TCell >= tMax) return false;
            if (!first && IsWall(w.I, w.J)) return true;
            if ((uint)w.I < (uint)_width && (uint)w.J < (uint)_depth)
            {
                int c = w.J * _width + w.I;
                if (_clearance[c] >= 2)
                {
                    if (w.SkipClearSquare(_clearance[c]) >= tMax) return false;
                    continue;
                }
                for (int k = _cellPropStart[c], end = _cellPropStart[c + 1]; k < end; k++)
                {
                    int p = _cellProps[k];
                    if (p == ignoreA || p == ignoreB || !scratch.FirstVisit(p, ray)) continue;
                    if (Props[p].Intersect(o, d, invD, tMax, out _, out _)) return true;
                }
            }
            if (w.TExit >= tMax) return false;
            w.Step();
        }
    }

    /// <summary>Amanatides-Woo grid walk in xz, with jumps across empty squares of cells.</summary>
    private struct Walker
    {
        public int I, J;
        public readonly int StepI, StepJ;
        private float _tNextX, _tNextZ;
        private readonly float _dtX, _dtZ;
        private readonly float _ox, _oz, _invDx, _invDz, _cs;
        public float TCell;
        public bool LastAxisX;

        public Walker(SceneGeometry g, Vector3 o, Vector3 d, Vector3 invD)
        {
            float cs = g._cellSize;
            (_ox, _oz, _invDx, _invDz, _cs) = (o.X, o.Z, invD.X, invD.Z, cs);
            I = (int)MathF.Floor(o.X * g._invCellSize);
            J = (int)MathF.Floor(o.Z * g._invCellSize);
            StepI = d.X > 0 ? 1 : d.X < 0 ? -1 : 0;
            StepJ = d.Z > 0 ? 1 : d.Z < 0 ? -1 : 0;
            _dtX = StepI != 0 ? cs * MathF.Abs(invD.X) : float.PositiveInfinity;
            _dtZ = StepJ != 0 ? cs * MathF.Abs(invD.Z) : float.PositiveInfinity;
            _tNextX = NextBoundaryX();
            _tNextZ = NextBoundaryZ();
            TCell = 0;
            LastAxisX = true;
        }

        /// <summary>Ray parameter where the walk leaves column <see cref="I"/>.</summary>
        private readonly float NextBoundaryX() =>
            StepI > 0 ? ((I + 1) * _cs - _ox) * _invDx : StepI < 0 ? (I * _cs - _ox) * _invDx : float.PositiveInfinity;

        /// <summary>Ray parameter where the walk leaves row <see cref="J"/>.</summary>
        private readonly float NextBoundaryZ() =>
            StepJ > 0 ? ((J + 1) * _cs - _oz) * _invDz : StepJ < 0 ? (J * _cs - _oz) * _invDz : float.PositiveInfinity;

        public readonly float TExit => MathF.Min(_tNextX, _tNextZ);

        /// <summary>
        /// Moves to the first cell beyond the square of half-side <paramref name="clearance"/> - 1
        /// cells around the current cell (known empty); returns the ray parameter of that entry.
        /// </summary>
        public float SkipClearSquare(int clearance)
        {
            int r = clearance - 1;
            float tx = StepI > 0 ? ((I + r + 1) * _cs - _ox) * _invDx : StepI < 0 ? ((I - r) * _cs - _ox) * _invDx : float.PositiveInfinity;
            float tz = StepJ > 0 ? ((J + r + 1) * _cs - _oz) * _invDz : StepJ < 0 ? ((J - r) * _cs - _oz) * _invDz : float.PositiveInfinity;
            if (tx < tz)
            {
                int j = Math.Clamp((int)MathF.Floor((_oz + tx / _invDz) / _cs), J - r, J + r);
                (I, J, TCell, LastAxisX) = (I + StepI * (r + 1), j, tx, true);
            }
            else if (tz < float.PositiveInfinity)
            {
                int i = Math.Clamp((int)MathF.Floor((_ox + tz / _invDx) / _cs), I - r, I + r);
                (I, J, TCell, LastAxisX) = (i, J + StepJ * (r + 1), tz, false);
            }
            else
            {
                return float.PositiveInfinity;
            }
            _tNextX = NextBoundaryX();
            _tNextZ = NextBoundaryZ();
            return TCell;
        }

        public void Step()
        {
            if (_tNextX < _tNextZ)
            {
                I += StepI;
                TCell = _tNextX;
                _tNextX += _dtX;
                LastAxisX = true;
            }
            else
            {
                J += StepJ;
                TCell = _tNextZ;
                _tNextZ += _dtZ;
                LastAxisX = false;
            }
        }
    }
}
