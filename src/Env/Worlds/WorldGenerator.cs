using System.Numerics;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Worlds;

/// <summary>
/// Generates indoor worlds: rectangular rooms placed apart, joined by L-shaped corridors along
/// a spanning tree of the rooms (plus an occasional loop), so every room is reachable;
/// per-room materials; furniture kept clear of the room edges so doorways stay open; one
/// point light per room and corridor; and at least one mirror-like surface (a chrome prop
/// or a polished floor). Pure function of the options: same seed, same world, everywhere.
/// </summary>
public static class WorldGenerator
{
    private const int Margin = 2; // wall cells around the building

    /// <summary>Generates the world for <paramref name="options"/>.</summary>
    public static World Generate(WorldOptions options)
    {
        options.Validate();
        float cs = options.CellSize;
        var layoutRng = Rng.Derive(options.Seed, "layout");
        var materialRng = Rng.Derive(options.Seed, "materials");
        var propRng = Rng.Derive(options.Seed, "props");

        var rects = PlaceRooms(options, layoutRng);
        int corridorCells = Math.Max(2, (int)MathF.Round(options.CorridorWidth / cs));
        var edges = SpanningEdges(rects, layoutRng);

        int minI = rects.Min(r => r.I0) - Margin, minJ = rects.Min(r => r.J0) - Margin;
        int maxI = rects.Max(r => r.I1) + Margin, maxJ = rects.Max(r => r.J1) + Margin;
        rects = rects.Select(r => r with { I0 = r.I0 - minI, J0 = r.J0 - minJ, I1 = r.I1 - minI, J1 = r.J1 - minJ }).ToList();
        int width = maxI - minI, depth = maxJ - minJ;
        var cells = new CellKind[width * depth];
        var cellRoom = new int[width * depth];
        Array.Fill(cellRoom, -1);

        var materials = new List<Material>();
        var rooms = new List<Room>();
        // A world gets its mirror-like surface either as a polished floor or as a chrome prop.
        bool polishedFloorWorld = materialRng.Chance(0.5);
        int polishedRoom = polishedFloorWorld ? (int)materialRng.NextLong(rects.Count) : -1;
        for (int r = 0; r < rects.Count; r++)
        {
            var rect = rects[r];
            int wall = Add(materials, MaterialPalette.Wall(materials.Count, materialRng));
            int floor = Add(materials, MaterialPalette.Floor(materials.Count, materialRng, r == polishedRoom));
            int ceil = Add(materials, MaterialPalette.Ceiling(materials.Count, materialRng));
            rooms.Add(new Room(r, $"room {r}", RoomKind.Room, rect.I0, rect.J0, rect.I1, rect.J1, wall, floor, ceil));
            for (int j = rect.J0; j < rect.J1; j++)
                for (int i = rect.I0; i < rect.I1; i++) { cells[j * width + i] = CellKind.Floor; cellRoom[j * width + i] = r; }
        }

        var lights = new List<PointLight>();
        foreach (var (a, b) in edges)
        {
            int id = rooms.Count;
            int wall = Add(materials, MaterialPalette.Wall(materials.Count, materialRng));
            int floor = Add(materials, MaterialPalette.Floor(materials.Count, materialRng, polished: false));
            int ceil = Add(materials, MaterialPalette.Ceiling(materials.Count, materialRng));
            var (corner, bounds) = CarveCorridor(rects[a], rects[b], corridorCells, layoutRng.Chance(0.5), cells, cellRoom, width, id);
            if (bounds.I1 <= bounds.I0) continue; // the two rooms touch: nothing to carve
            rooms.Add(new Room(id, $"corridor {id - rects.Count}", RoomKind.Corridor, bounds.I0, bounds.J0, bounds.I1, bounds.J1, wall, floor, ceil));
            lights.Add(new PointLight(new Vector3(corner.X * cs, options.CeilingHeight - 0.2f, corner.Y * cs), new Vector3(1f, 0.95f, 0.85f), 0.6f, 2.5f));
        }

        var props = new List<Prop>();
        bool chromePlaced = polishedFloorWorld;
        for (int r = 0; r < rects.Count; r++)
        {
            var rect = rects[r];
            float cx = (rect.I0 + rect.I1) * 0.5f * cs, cz = (rect.J0 + rect.J1) * 0.5f * cs;
            float size = MathF.Max((rect.I1 - rect.I0) * cs, (rect.J1 - rect.J0) * cs);
            var colour = Vector3.Lerp(new Vector3(1f, 0.85f, 0.65f), new Vector3(0.8f, 0.9f, 1f), (float)layoutRng.NextDouble());
            lights.Add(new PointLight(new Vector3(cx + (float)layoutRng.Uniform(-0.5, 0.5), options.CeilingHeight - 0.3f, cz + (float)layoutRng.Uniform(-0.5, 0.5)), colour, 1.1f, size * 0.75f));
            int count = (int)propRng.NextLong(options.MaxPropsPerRoom + 1);
            if (!chromePlaced && r == rects.Count - 1) count = Math.Max(count, 1);
            for (int k = 0; k < count; k++)
            {
                bool chrome = !chromePlaced && (r == rects.Count - 1 || propRng.Chance(0.3));
                int mat = Add(materials, chrome ? MaterialPalette.Chrome(materials.Count) : MaterialPalette.Prop(materials.Count, propRng));
                Prop? p = PlaceProp(props.Count, rect, cs, mat, r, chrome, props, propRng);
                if (p is null) { materials.RemoveAt(materials.Count - 1); continue; }
                props.Add(p);
                chromePlaced |= chrome;
            }
        }
        if (!chromePlaced)
        {
            // Every room was too small for a prop: polish the first floor instead, so the world still has a mirror.
            materials[rooms[0].FloorMaterial] = materials[rooms[0].FloorMaterial] with { Reflectivity = 0.35f, Specular = 0.6f };
        }

        return new World(options.Seed, cs, width, depth, cells, cellRoom, options.CeilingHeight, rooms, props, lights, materials, new Vector3(0.10f, 0.10f, 0.11f));
    }

    private readonly record struct CellRect(int I0, int J0, int I1, int J1)
    {
        public int CenterI => (I0 + I1) / 2;
        public int CenterJ => (J0 + J1) / 2;

        public bool Near(CellRect o, int gap) => I0 - gap < o.I1 && o.I0 - gap < I1 && J0 - gap < o.J1 && o.J0 - gap < J1;
    }

    private static List<CellRect> PlaceRooms(WorldOptions o, Rng rng)
    {
        float cs = o.CellSize;
        int minCells = (int)MathF.Ceiling(o.MinRoomSize / cs), maxCells = (int)MathF.Floor(o.MaxRoomSize / cs);
        double meanArea = Math.Pow((minCells + maxCells) / 2.0, 2);
        int side = (int)Math.Ceiling(Math.Sqrt(o.Rooms * meanArea * 2.2)) + maxCells;
        int gap = (int)MathF.Ceiling(1.5f / cs); // room walls, a corridor's width of space, more walls
        var rects = new List<CellRect>();
        int attempts = 0;
        while (rects.Count < o.Rooms)
        {
            int w = rng.NextInt(minCells, maxCells + 1), d = rng.NextInt(minCells, maxCells + 1);
            int i0 = rng.NextInt(0, Math.Max(1, side - w)), j0 = rng.NextInt(0, Math.Max(1, side - d));
            var rect = new CellRect(i0, j0, i0 + w, j0 + d);
            if (!rects.Any(r => r.Near(rect, gap))) rects.Add(rect);
            if (++attempts % 200 == 0) side += maxCells / 2; // crowded: let the building grow
        }
        return rects;
    }

    /// <summary>Prim's minimum spanning tree over room centres (Manhattan), plus at most one extra edge to make a loop.</summary>
    private static List<(int, int)> SpanningEdges(List<CellRect> rects, Rng rng)
    {
        int n = rects.Count;
        var edges = new List<(int, int)>();
        var inTree = new bool[n];
        inTree[0] = true;
        int Dist(int a, int b) => Math.Abs(rects[a].CenterI - rects[b].CenterI) + Math.Abs(rects[a].CenterJ - rects[b].CenterJ);
        for (int added = 1; added < n; added++)
        {
            (int a, int b, int d) best = (-1, -1, int.MaxValue);
            for (int a = 0; a < n; a++)
            {
                if (!inTree[a]) continue;
                for (int b = 0; b < n; b++)
                    if (!inTree[b] && Dist(a, b) < best.d) best = (a, b, Dist(a, b));
            }
            inTree[best.b] = true;
            edges.Add((best.a, best.b));
        }
        if (n >= 3 && rng.Chance(0.5))
        {
            int a = rng.NextInt(0, n), b = rng.NextInt(0, n);
            if (a != b && !edges.Contains((a, b)) && !edges.Contains((b, a))) edges.Add((a, b));
        }
        return edges;
    }

    private static ((float X, float Y) Corner, CellRect Bounds) CarveCorridor(CellRect a, CellRect b, int widthCells, bool horizontalFirst,
        CellKind[] cells, int[] cellRoom, int width, int id)
    {
        int ax = a.CenterI, az = a.CenterJ, bx = b.CenterI, bz = b.CenterJ;
        (int cx, int cz) = horizontalFirst ? (bx, az) : (ax, bz);
        int lo = widthCells / 2, hi = widthCells - lo;
        int minI = int.MaxValue, minJ = int.MaxValue, maxI = int.MinValue, maxJ = int.MinValue;
        void Carve(int i, int j)
        {
            int k = j * width + i;
            if (cells[k] == CellKind.Floor) return;
            cells[k] = CellKind.Floor;
            cellRoom[k] = id;
            minI = Math.Min(minI, i); minJ = Math.Min(minJ, j); maxI = Math.Max(maxI, i + 1); maxJ = Math.Max(maxJ, j + 1);
        }
        void Segment(int x0, int z0, int x1, int z1)
        {
            for (int i = Math.Min(x0, x1) - lo; i < Math.Max(x0, x1) + hi; i++)
                for (int j = Math.Min(z0, z1) - lo; j < Math.Max(z0, z1) + hi; j++)
                    Carve(i, j);
        }
        Segment(ax, az, cx, cz);
        Segment(cx, cz, bx, bz);
        if (minI == int.MaxValue) return ((cx, cz), new CellRect(0, 0, 0, 0));
        return ((cx, cz), new CellRect(minI, minJ, maxI, maxJ));
    }

    private static Prop? PlaceProp(int id, CellRect room, float cs, int material, int roomId, bool chrome, List<Prop> placed, Rng rng)
    {
        const float EdgeClearance = 0.8f; // keeps a walkable ring along the walls so doorways stay connected
        float x0 = room.I0 * cs + EdgeClearance, x1 = room.I1 * cs - EdgeClearance;
        float z0 = room.J0 * cs + EdgeClearance, z1 = room.J1 * cs - EdgeClearance;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            PropShape shape = chrome ? PropShape.Sphere : (PropShape)rng.NextLong(3);
            Vector3 half = shape switch
            {
                PropShape.Box => new Vector3((float)rng.Uniform(0.2, 0.6), (float)rng.Uniform(0.2, 0.5), (float)rng.Uniform(0.2, 0.6)),
                PropShape.Cylinder => CylinderHalf((float)rng.Uniform(0.15, 0.35), (float)rng.Uniform(0.3, 0.6)),
                _ => new Vector3((float)rng.Uniform(0.25, 0.45)),
            };
            if (x1 - x0 < 2 * half.X || z1 - z0 < 2 * half.Z) continue;
            float x = (float)rng.Uniform(x0 + half.X, x1 - half.X), z = (float)rng.Uniform(z0 + half.Z, z1 - half.Z);
            var p = new Prop(id, shape, new Vector3(x, half.Y, z), half, material, roomId);
            if (placed.Any(q => MathF.Abs(q.Center.X - x) < q.HalfExtents.X + half.X + 0.5f && MathF.Abs(q.Center.Z - z) < q.HalfExtents.Z + half.Z + 0.5f)) continue;
            return p;
        }
        return null;
    }

    private static Vector3 CylinderHalf(float radius, float halfHeight) => new(radius, halfHeight, radius);

    private static int Add(List<Material> list, Material m)
    {
        list.Add(m);
        return m.Id;
    }
}
