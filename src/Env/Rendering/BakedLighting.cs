using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// Direct light precomputed once per world, since lights and geometry never move. Every floor
/// cell, ceiling cell and wall face gets a patch of lightmap samples (a few per metre, at the
/// patch corners so neighbouring patches meet without seams) holding the shadowed Lambert
/// irradiance (xyz, linear RGB) and the share of light that arrived unshadowed (w, used to
/// shadow specular highlights). Props get the list of lights that reach them with a baked
/// visibility, so they are shaded per pixel without shadow rays.
/// </summary>
internal sealed class BakedLighting
{
    /// <summary>How far lightmap samples sit off their surface, and inside their patch edges, in metres.</summary>
    private const float Inset = 2e-3f;

    private readonly float _cellSize, _invCellSize;
    private readonly int _width, _n, _nWall;
    private readonly int[] _floorPatch, _ceilingPatch, _wallPatch;
    private readonly Vector4[] _samples;

    private BakedLighting(SceneGeometry g, bool shadows, float texelsPerMetre, int threads)
    {
        World w = g.World;
        _cellSize = w.CellSize;
        _invCellSize = 1f / w.CellSize;
        _width = w.Width;
        _n = Math.Max(1, (int)MathF.Round(w.CellSize * texelsPerMetre));
        _nWall = Math.Max(1, (int)MathF.Round(w.CeilingHeight * texelsPerMetre));
        int cells = w.Width * w.Depth;
        _floorPatch = new int[cells];
        _ceilingPatch = new int[cells];
        _wallPatch = new int[cells * 4];
        Array.Fill(_floorPatch, -1);
        Array.Fill(_ceilingPatch, -1);
        Array.Fill(_wallPatch, -1);

        var patches = new List<Patch>();
        int total = 0;
        int planeSize = (_n + 1) * (_n + 1), wallSize = (_n + 1) * (_nWall + 1);
        float cs = w.CellSize, h = w.CeilingHeight;
        for (int j = 0; j < w.Depth; j++)
        for (int i = 0; i < w.Width; i++)
        {
            if (g.IsWall(i, j)) continue;
            int c = j * w.Width + i;
            var corner = new Vector3(i * cs, 0, j * cs);
            _floorPatch[c] = total;
            patches.Add(new Patch(total, corner, Vector3.UnitX * cs, Vector3.UnitZ * cs, Vector3.UnitY, _n, _n));
            total += planeSize;
            _ceilingPatch[c] = total;
            patches.Add(new Patch(total, corner + new Vector3(0, h, 0), Vector3.UnitX * cs, Vector3.UnitZ * cs, -Vector3.UnitY, _n, _n));
            total += planeSize;
            for (int face = 0; face < 4; face++)
            {
                var (ni, nj) = face switch { 0 => (i - 1, j), 1 => (i + 1, j), 2 => (i, j - 1), _ => (i, j + 1) };
                if (!g.IsWall(ni, nj)) continue;
                Patch p = face switch
                {
                    0 => new Patch(total, corner, Vector3.UnitZ * cs, Vector3.UnitY * h, Vector3.UnitX, _n, _nWall),
                    1 => new Patch(total, corner + new Vector3(cs, 0, 0), Vector3.UnitZ * cs, Vector3.UnitY * h, -Vector3.UnitX, _n, _nWall),
                    2 => new Patch(total, corner, Vector3.UnitX * cs, Vector3.UnitY * h, Vector3.UnitZ, _n, _nWall),
                    _ => new Patch(total, corner + new Vector3(0, 0, cs), Vector3.UnitX * cs, Vector3.UnitY * h, -Vector3.UnitZ, _n, _nWall),
                };
                _wallPatch[c * 4 + face] = total;
                patches.Add(p);
                total += wallSize;
            }
        }
        _samples = new Vector4[total];

        int[] lightProp = w.Lights.Select(l => Array.FindIndex(g.Props, p => p.BoundsContain(l.Position, 0.02f))).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, patches.Count, options, () => new TraceScratch(g.Props.Length),
            (k, _, scratch) => { BakePatch(g, patches[k], shadows, lightProp, scratch); return scratch; }, _ => { });

        var scratch0 = new TraceScratch(g.Props.Length);
        RoomLights = w.Rooms.Select(r => LightsReachingRoom(g, r, shadows, lightProp, scratch0)).ToArray();
        PropLights = Enumerable.Range(0, g.Props.Length).Select(p => LightsReachingProp(g, p, shadows, lightProp, scratch0)).ToArray();
    }

    /// <summary>Per room, the indices of lights that reach some point of it (for live specular highlights).</summary>
    public int[][] RoomLights { get; }

    /// <summary>Per prop, the lights that reach it and how much of it they see.</summary>
    public PropLight[][] PropLights { get; }

    /// <summary>Bakes the direct light of <paramref name="g"/>'s world using up to <paramref name="threads"/> threads.</summary>
    public static BakedLighting Build(SceneGeometry g, bool shadows, float texelsPerMetre, int threads) => new(g, shadows, texelsPerMetre, threads);

    /// <summary>Baked light on the floor at (x, z) in floor cell (i, j); zero for a wall cell.</summary>
    public Vector4 Floor(int i, int j, float x, float z) => SamplePlane(_floorPatch, i, j, x, z);

    /// <summary>Baked light on the ceiling at (x, z) in cell (i, j).</summary>
    public Vector4 Ceiling(int i, int j, float x, float z) => SamplePlane(_ceilingPatch, i, j, x, z);

    /// <summary>Baked light at height y on face <paramref name="face"/> (0 -X, 1 +X, 2 -Z, 3 +Z) of floor cell (i, j), <paramref name="along"/> metres along the wall.</summary>
    public Vector4 Wall(int i, int j, int face, float along, float y, float ceilingHeight)
    {
        if (i < 0 || j < 0 || i >= _width) return Vector4.Zero;
        int c = j * _width + i;
        if (c * 4 + face >= _wallPatch.Length) return Vector4.Zero;
        int offset = _wallPatch[c * 4 + face];
        if (offset < 0) return Vector4.Zero;
        float origin = face < 2 ? j * _cellSize : i * _cellSize;
        return Bilinear(offset, _n, _nWall, (along - origin) * _invCellSize, y / ceilingHeight);
    }

    private Vector4 SamplePlane(int[] patchOf, int i, int j, float x, float z)
    {
        if (i < 0 || j < 0 || i >= _width || j * _width + i >= patchOf.Length) return Vector4.Zero;
        int offset = patchOf[j * _width + i];
        if (offset < 0) return Vector4.Zero;
        return Bilinear(offset, _n, _n, x * _invCellSize - i, z * _invCellSize - j);
    }

    private Vector4 Bilinear(int offset, int nu, int nv, float su, float sv)
    {
        float x = Math.Clamp(su, 0f, 1f) * nu, y = Math.Clamp(sv, 0f, 1f) * nv;
        int ix = Math.Min((int)x, nu - 1), iy = Math.Min((int)y, nv - 1);
        float fx = x - ix, fy = y - iy;
        int row = nu + 1, k = offset + iy * row + ix;
        Vector4 top = Vector4.Lerp(_samples[k], _samples[k + 1], fx);
        Vector4 bottom = Vector4.Lerp(_samples[k + row], _samples[k + row + 1], fx);
        return Vector4.Lerp(top, bottom, fy);
    }

    private void BakePatch(SceneGeometry g, Patch p, bool shadows, int[] lightProp, TraceScratch scratch)
    {
        float lenU = p.U.Length(), lenV = p.V.Length();
        Vector3 du = p.U / lenU, dv = p.V / lenV;
        for (int b = 0; b <= p.Nv; b++)
        for (int a = 0; a <= p.Nu; a++)
        {
            // Samples on patch edges move just inside, so shadow rays never start within a wall.
            float su = Math.Clamp(a * lenU / p.Nu, Inset, lenU - Inset);
            float sv = Math.Clamp(b * lenV / p.Nv, Inset, lenV - Inset);
            Vector3 pos = p.Origin + du * su + dv * sv + p.Normal * Inset;
            _samples[p.Offset + b * (p.Nu + 1) + a] = Irradiance(g, pos, p.Normal, shadows, lightProp, scratch);
        }
    }

    private static Vector4 Irradiance(SceneGeometry g, Vector3 pos, Vector3 normal, bool shadows, int[] lightProp, TraceScratch scratch)
    {
        Vector3 sum = Vector3.Zero;
        float lit = 0, all = 0;
        IReadOnlyList<PointLight> lights = g.World.Lights;
        for (int l = 0; l < lights.Count; l++)
        {
            PointLight light = lights[l];
            Vector3 toLight = light.Position - pos;
            float dist2 = toLight.LengthSquared();
            float cos = Vector3.Dot(normal, toLight) / MathF.Sqrt(dist2);
            if (!(cos > 0)) continue;
            Vector3 e = light.Color * (light.Intensity * cos * Shading.Falloff(dist2, light.Range));
            float lum = Shading.Luminance(e);
            all += lum;
            if (shadows && g.Occluded(scratch, pos, toLight, 1f, lightProp[l])) continue;
            sum += e;
            lit += lum;
        }
        return new Vector4(sum, all > 0 ? lit / all : 1f);
    }

    private static int[] LightsReachingRoom(SceneGeometry g, Room room, bool shadows, int[] lightProp, TraceScratch scratch)
    {
        World w = g.World;
        var result = new List<int>();
        for (int l = 0; l < w.Lights.Count; l++)
        {
            bool reaches = !shadows;
            for (int j = room.MinJ; j < room.MaxJ && !reaches; j++)
            for (int i = room.MinI; i < room.MaxI && !reaches; i++)
            {
                if (g.RoomOf(i, j) != room.Id) continue;
                var p = new Vector3((i + 0.5f) * w.CellSize, 0.5f * w.CeilingHeight, (j + 0.5f) * w.CellSize);
                reaches = !g.Occluded(scratch, p, w.Lights[l].Position - p, 1f, lightProp[l]);
            }
            if (reaches) result.Add(l);
        }
        return result.ToArray();
    }

    private static PropLight[] LightsReachingProp(SceneGeometry g, int prop, bool shadows, int[] lightProp, TraceScratch scratch)
    {
        World w = g.World;
        PropGeometry geom = g.Props[prop];
        Vector3 c = geom.Center, h = (geom.Max - geom.Min) * 0.4f;
        Span<Vector3> points = [c, c + h * Vector3.UnitX, c - h * Vector3.UnitX, c + h * Vector3.UnitY, c - h * Vector3.UnitY, c + h * Vector3.UnitZ, c - h * Vector3.UnitZ];
        var result = new List<PropLight>();
        for (int l = 0; l < w.Lights.Count; l++)
        {
            int seen = points.Length;
            if (shadows)
            {
                seen = 0;
                foreach (Vector3 p in points)
                    if (!g.Occluded(scratch, p, w.Lights[l].Position - p, 1f, prop, lightProp[l])) seen++;
            }
            if (seen > 0) result.Add(new PropLight(l, seen / (float)points.Length));
        }
        return result.ToArray();
    }

    private readonly record struct Patch(int Offset, Vector3 Origin, Vector3 U, Vector3 V, Vector3 Normal, int Nu, int Nv);
}
