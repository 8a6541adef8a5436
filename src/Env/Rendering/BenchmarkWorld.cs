using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// A fixed hand-built world for <see cref="RendererBenchmark"/> when no generated world is
/// given: a 3 x 2 block of 5 x 5 m rooms joined by doorways, with every material pattern,
/// a mirror wall, twelve props of all shapes and one light per room.
/// </summary>
internal static class BenchmarkWorld
{
    private const int RoomCells = 5, RoomsX = 3, RoomsZ = 2;

    public static World Build()
    {
        int width = RoomsX * (RoomCells + 1) + 1, depth = RoomsZ * (RoomCells + 1) + 1;
        var cells = new CellKind[width * depth];
        var cellRoom = new int[width * depth];
        Array.Fill(cellRoom, -1);
        var rooms = new List<Room>();
        var props = new List<Prop>();
        var lights = new List<PointLight>();
        Material[] materials =
        [
            new(0, "plaster", new(0.75f, 0.72f, 0.68f), new(0.65f, 0.62f, 0.6f), MaterialPattern.Noise, 0.8f, 0f, 0.05f),
            new(1, "oak", new(0.45f, 0.28f, 0.14f), new(0.3f, 0.17f, 0.08f), MaterialPattern.Wood, 0.4f, 0f, 0.3f),
            new(2, "tiles", new(0.85f, 0.85f, 0.82f), new(0.3f, 0.3f, 0.3f), MaterialPattern.Tiles, 0.5f, 0f, 0.4f),
            new(3, "checker", new(0.1f, 0.1f, 0.12f), new(0.8f, 0.8f, 0.78f), MaterialPattern.Checker, 1f, 0f, 0.2f),
            new(4, "stripes", new(0.6f, 0.2f, 0.2f), new(0.8f, 0.75f, 0.6f), MaterialPattern.Stripes, 0.3f, 0f, 0f),
            new(5, "ceiling", new(0.9f, 0.9f, 0.88f), new(0.9f, 0.9f, 0.88f), MaterialPattern.Solid, 1f, 0f, 0f),
            new(6, "mirror", new(0.05f, 0.05f, 0.05f), new(0.05f, 0.05f, 0.05f), MaterialPattern.Solid, 1f, 0.85f, 0.5f),
            new(7, "red paint", new(0.7f, 0.08f, 0.06f), new(0.7f, 0.08f, 0.06f), MaterialPattern.Solid, 1f, 0f, 0.6f),
            new(8, "blue plastic", new(0.05f, 0.15f, 0.7f), new(0.05f, 0.15f, 0.7f), MaterialPattern.Solid, 1f, 0.2f, 0.8f),
        ];
        int[] wallOf = [0, 4, 6, 0, 4, 0], floorOf = [1, 2, 3, 2, 1, 3];
        for (int rz = 0; rz < RoomsZ; rz++)
        for (int rx = 0; rx < RoomsX; rx++)
        {
            int id = rooms.Count, i0 = 1 + rx * (RoomCells + 1), j0 = 1 + rz * (RoomCells + 1);
            rooms.Add(new Room(id, $"room {id}", RoomKind.Room, i0, j0, i0 + RoomCells, j0 + RoomCells, wallOf[id], floorOf[id], 5));
            for (int j = j0; j < j0 + RoomCells; j++)
            for (int i = i0; i < i0 + RoomCells; i++)
                Open(i, j, id);
            // Doorways to the east and south neighbours, carved into the separating wall line.
            if (rx + 1 < RoomsX) Open(i0 + RoomCells, j0 + 2, id);
            if (rz + 1 < RoomsZ) Open(i0 + 2, j0 + RoomCells, id);
            float cx = (i0 + RoomCells / 2f), cz = (j0 + RoomCells / 2f);
            lights.Add(new PointLight(new Vector3(cx + 0.7f, 2.6f, cz - 0.4f), new Vector3(1f, 0.95f, 0.85f), 2.5f, 4f));
            props.Add(new Prop(props.Count, PropShape.Box, new Vector3(cx - 1.2f, 0.4f, cz + 1f), new Vector3(0.5f, 0.4f, 0.3f), 7, id));
            props.Add(new Prop(props.Count, (id % 2 == 0) ? PropShape.Cylinder : PropShape.Sphere, new Vector3(cx + 1.3f, 0.35f, cz + 1.2f), new Vector3(0.35f), 8, id));
        }
        return new World(0, 1f, width, depth, cells, cellRoom, 2.8f, rooms, props, lights, materials, new Vector3(0.06f, 0.06f, 0.07f));

        void Open(int i, int j, int room)
        {
            cells[j * width + i] = CellKind.Floor;
            cellRoom[j * width + i] = room;
        }
    }
}
