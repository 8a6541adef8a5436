using System.Numerics;
using RtfmGym.Env.Navigation;

namespace RtfmGym.Env.Worlds;

/// <summary>
/// An indoor world: a layout grid of wall and floor cells (each <see cref="CellSize"/> metres
/// square, walls running floor to <see cref="CeilingHeight"/>), rooms and corridors with
/// their materials, furniture props, point lights, and the navigation grid derived from
/// them. World coordinates: metres, +Y up, floor at y = 0; layout cell (i, j) covers
/// x in [i, i+1) * CellSize and z in [j, j+1) * CellSize. Immutable once built.
/// </summary>
public sealed class World
{
    private readonly CellKind[] _cells;
    private readonly int[] _cellRoom;

    /// <summary>Builds a world from explicit parts (the generator uses this; tests build scenes with known answers by hand).</summary>
    /// <param name="seed">The generator seed (0 for hand-built worlds).</param>
    /// <param name="cellSize">Layout cell side, metres.</param>
    /// <param name="width">Cells along x.</param>
    /// <param name="depth">Cells along z.</param>
    /// <param name="cells">Row-major by z then x: index j * width + i.</param>
    /// <param name="cellRoom">Room id of each floor cell, -1 for walls.</param>
    /// <param name="ceilingHeight">Metres.</param>
    /// <param name="rooms">Rooms and corridors; ids must equal their index.</param>
    /// <param name="props">Furniture; ids must equal their index.</param>
    /// <param name="lights">Point lights.</param>
    /// <param name="materials">Materials; ids must equal their index.</param>
    /// <param name="ambient">Light reaching every surface regardless of shadows, linear RGB.</param>
    /// <param name="navCellSize">Navigation grid resolution, metres (default 0.05).</param>
    public World(ulong seed, float cellSize, int width, int depth, CellKind[] cells, int[] cellRoom, float ceilingHeight,
        IReadOnlyList<Room> rooms, IReadOnlyList<Prop> props, IReadOnlyList<PointLight> lights, IReadOnlyList<Material> materials,
        Vector3 ambient, float navCellSize = 0.05f)
    {
        if (!(cellSize > 0)) throw new ArgumentOutOfRangeException(nameof(cellSize), "Cell size must be positive.");
        if (width <= 0 || depth <= 0) throw new ArgumentOutOfRangeException(nameof(width), "The layout grid must have cells.");
        if (cells.Length != width * depth || cellRoom.Length != width * depth) throw new ArgumentException("Cell arrays must hold width * depth entries.");
        if (!(ceilingHeight > 0)) throw new ArgumentOutOfRangeException(nameof(ceilingHeight), "Ceiling height must be positive.");
        for (int i = 0; i < rooms.Count; i++) if (rooms[i].Id != i) throw new ArgumentException($"Room {i} has id {rooms[i].Id}.");
        for (int i = 0; i < props.Count; i++) if (props[i].Id != i) throw new ArgumentException($"Prop {i} has id {props[i].Id}.");
        for (int i = 0; i < materials.Count; i++) if (materials[i].Id != i) throw new ArgumentException($"Material {i} has id {materials[i].Id}.");
        for (int k = 0; k < cells.Length; k++)
        {
            if (cells[k] == CellKind.Floor && (cellRoom[k] < 0 || cellRoom[k] >= rooms.Count))
                throw new ArgumentException($"Floor cell {k % width},{k / width} has no valid room.");
        }
        Seed = seed;
        CellSize = cellSize;
        Width = width;
        Depth = depth;
        _cells = (CellKind[])cells.Clone();
        _cellRoom = (int[])cellRoom.Clone();
        CeilingHeight = ceilingHeight;
        Rooms = rooms.ToArray();
        Props = props.ToArray();
        Lights = lights.ToArray();
        Materials = materials.ToArray();
        Ambient = ambient;
        Objects = BuildObjects(Rooms, Props);
        Navigation = new NavigationGrid(this, navCellSize);
    }

    /// <summary>The seed the world was generated from.</summary>
    public ulong Seed { get; }

    /// <summary>Layout cell side, metres.</summary>
    public float CellSize { get; }

    /// <summary>Layout cells along x.</summary>
    public int Width { get; }

    /// <summary>Layout cells along z.</summary>
    public int Depth { get; }

    /// <summary>Size along x, metres.</summary>
    public float SizeX => Width * CellSize;

    /// <summary>Size along z, metres.</summary>
    public float SizeZ => Depth * CellSize;

    /// <summary>Floor-to-ceiling height, metres.</summary>
    public float CeilingHeight { get; }

    /// <summary>The floor regions (rooms and corridors), indexed by room id.</summary>
    public IReadOnlyList<Room> Rooms { get; }
    /// <summary>The furniture-like boxes and cylinders standing on the floor.</summary>
    public IReadOnlyList<Prop> Props { get; }
    /// <summary>The point lights, positions in metres.</summary>
    public IReadOnlyList<PointLight> Lights { get; }
    /// <summary>The surface materials, indexed by the material ids of rooms, walls and props.</summary>
    public IReadOnlyList<Material> Materials { get; }

    /// <summary>Unshadowed light on every surface, linear RGB.</summary>
    public Vector3 Ambient { get; }

    /// <summary>Objects addressed by frame object ids: per room its walls (3r), floor (3r+1), ceiling (3r+2), then one per prop.</summary>
    public IReadOnlyList<WorldObject> Objects { get; }

    /// <summary>The navigation grid for collision, reachability and shortest paths.</summary>
    public NavigationGrid Navigation { get; }

    /// <summary>The kind of layout cell (i, j); outside the grid is <see cref="CellKind.Wall"/>.</summary>
    public CellKind Cell(int i, int j) => (uint)i < (uint)Width && (uint)j < (uint)Depth ? _cells[j * Width + i] : CellKind.Wall;

    /// <summary>The room id of layout cell (i, j), -1 for walls and outside.</summary>
    public int CellRoom(int i, int j) => (uint)i < (uint)Width && (uint)j < (uint)Depth ? _cellRoom[j * Width + i] : -1;

    /// <summary>The room containing world point (x, z), -1 inside walls or outside.</summary>
    public int RoomAt(float x, float z) => CellRoom((int)MathF.Floor(x / CellSize), (int)MathF.Floor(z / CellSize));

    /// <summary>Object id of room <paramref name="roomId"/>'s walls.</summary>
    public static int WallObjectId(int roomId) => 3 * roomId;

    /// <summary>Object id of room <paramref name="roomId"/>'s floor.</summary>
    public static int FloorObjectId(int roomId) => 3 * roomId + 1;

    /// <summary>Object id of room <paramref name="roomId"/>'s ceiling.</summary>
    public static int CeilingObjectId(int roomId) => 3 * roomId + 2;

    /// <summary>Object id of prop <paramref name="propId"/>.</summary>
    public int PropObjectId(int propId) => 3 * Rooms.Count + propId;

    private static WorldObject[] BuildObjects(IReadOnlyList<Room> rooms, IReadOnlyList<Prop> props)
    {
        var list = new List<WorldObject>(rooms.Count * 3 + props.Count);
        foreach (Room r in rooms)
        {
            list.Add(new WorldObject(list.Count, WorldObjectKind.Wall, r.Id, -1, r.WallMaterial, $"{r.Name} walls"));
            list.Add(new WorldObject(list.Count, WorldObjectKind.Floor, r.Id, -1, r.FloorMaterial, $"{r.Name} floor"));
            list.Add(new WorldObject(list.Count, WorldObjectKind.Ceiling, r.Id, -1, r.CeilingMaterial, $"{r.Name} ceiling"));
        }
        foreach (Prop p in props)
            list.Add(new WorldObject(list.Count, WorldObjectKind.Prop, p.RoomId, p.Id, p.Material, $"{p.Shape.ToString().ToLowerInvariant()} {p.Id}"));
        return list.ToArray();
    }
}
