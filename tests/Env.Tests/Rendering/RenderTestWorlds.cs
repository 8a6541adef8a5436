using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Rendering;

/// <summary>Hand-built scenes with known answers for the renderer tests.</summary>
internal static class RenderTestWorlds
{
    /// <summary>Cell side, metres.</summary>
    public const float CellSize = 1f;

    /// <summary>Ceiling height, metres.</summary>
    public const float Ceiling = 3f;

    /// <summary>The room's floor spans x, z in [MinCoord, MaxCoord) metres; everything else is wall.</summary>
    public const float MinCoord = 1f, MaxCoord = 10f;

    public const int WallMat = 0, FloorMat = 1, CeilingMat = 2, RedMat = 3, MirrorMat = 4, CheckerMat = 5, BlueMat = 6;

    /// <summary>
    /// One 9 x 9 m room (cells 1..9 of an 11 x 11 grid) with a 3 m ceiling, solid matte
    /// materials, one light at <paramref name="light"/> (default (4, 2.8, 5.5)) and the given props.
    /// </summary>
    public static World Room(int wallMaterial = WallMat, int floorMaterial = FloorMat, IReadOnlyList<Prop>? props = null, Vector3? light = null, float ambient = 0.05f)
    {
        const int n = 11;
        var cells = new CellKind[n * n];
        var rooms = new int[n * n];
        for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++)
        {
            bool inside = i is >= 1 and <= 9 && j is >= 1 and <= 9;
            cells[j * n + i] = inside ? CellKind.Floor : CellKind.Wall;
            rooms[j * n + i] = inside ? 0 : -1;
        }
        var materials = new[]
        {
            new Material(WallMat, "white wall", new Vector3(0.7f), new Vector3(0.7f), MaterialPattern.Solid, 1f, 0f, 0f),
            new Material(FloorMat, "grey floor", new Vector3(0.5f), new Vector3(0.5f), MaterialPattern.Solid, 1f, 0f, 0f),
            new Material(CeilingMat, "ceiling", new Vector3(0.8f), new Vector3(0.8f), MaterialPattern.Solid, 1f, 0f, 0f),
            new Material(RedMat, "red", new Vector3(0.8f, 0.02f, 0.02f), new Vector3(0.8f, 0.02f, 0.02f), MaterialPattern.Solid, 1f, 0f, 0f),
            new Material(MirrorMat, "mirror", new Vector3(0.1f), new Vector3(0.1f), MaterialPattern.Solid, 1f, 1f, 0f),
            new Material(CheckerMat, "checker", new Vector3(0.05f), new Vector3(0.9f), MaterialPattern.Checker, 0.25f, 0f, 0.3f),
            new Material(BlueMat, "blue", new Vector3(0.02f, 0.05f, 0.8f), new Vector3(0.02f, 0.05f, 0.8f), MaterialPattern.Solid, 1f, 0f, 0.5f),
        };
        var room = new Room(0, "test room", RoomKind.Room, 1, 1, 10, 10, wallMaterial, floorMaterial, CeilingMat);
        var lights = new[] { new PointLight(light ?? new Vector3(4f, 2.8f, 5.5f), Vector3.One, 3f, 4f) };
        return new World(0, CellSize, n, n, cells, rooms, Ceiling, [room], props ?? [], lights, materials, new Vector3(ambient));
    }

    /// <summary>An axis-aligned box prop in room 0.</summary>
    public static Prop Box(int id, Vector3 center, Vector3 halfExtents, int material) => new(id, PropShape.Box, center, halfExtents, material, 0);
}
