using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// A world ready to render with one set of lighting options: geometry, baked light and
/// flattened material tables. Immutable and shared by every renderer thread.
/// </summary>
internal sealed class PreparedScene
{
    /// <summary>How far secondary rays start off their surface, metres.</summary>
    private const float SurfaceOffset = 1e-3f;

    /// <summary>Shading of a wall seen from inside a wall cell, where no room applies.</summary>
    private static readonly Vector3 UnknownAlbedo = new(0.5f);

    private readonly Material[] _materials;
    private readonly Room[] _rooms;
    /// <summary>Highlights whose peak would add less than this linear radiance are skipped (invisible after 8-bit encoding).</summary>
    private const float SpecularCutoff = 0.004f;

    private readonly LightData[] _lights;
    private readonly int[] _propMaterial;
    private readonly Vector3 _ambient;

    public PreparedScene(SceneGeometry geometry, BakedLighting lighting)
    {
        Geometry = geometry;
        Lighting = lighting;
        World w = geometry.World;
        _materials = w.Materials.ToArray();
        _rooms = w.Rooms.ToArray();
        _lights = w.Lights.Select(l => new LightData(l)).ToArray();
        _propMaterial = w.Props.Select(p => p.Material).ToArray();
        _ambient = w.Ambient;
    }

    public SceneGeometry Geometry { get; }
    public BakedLighting Lighting { get; }

    /// <summary>The frame object id of a hit (see <see cref="World.Objects"/>), -1 for none.</summary>
    public int ObjectId(in RayHit hit) => hit.Kind switch
    {
        SurfaceKind.Prop => Geometry.World.PropObjectId(hit.Prop),
        SurfaceKind.Wall when hit.Room >= 0 => World.WallObjectId(hit.Room),
        SurfaceKind.Floor when hit.Room >= 0 => World.FloorObjectId(hit.Room),
        SurfaceKind.Ceiling when hit.Room >= 0 => World.CeilingObjectId(hit.Room),
        _ => -1,
    };

    /// <summary>
    /// Linear RGB leaving the hit towards the ray origin.
    /// </summary>
    /// <param name="scratch">The calling thread's traversal scratch, for the mirror bounce.</param>
    /// <param name="hit">The surface hit by o + t d.</param>
    /// <param name="o">Ray origin, world metres.</param>
    /// <param name="d">Ray direction (any length; the hit's T is in its units).</param>
    /// <param name="pathBefore">Metres the light path travelled before this ray (0 for camera rays), for the texture footprint.</param>
    /// <param name="pixelAngle">Angular size of one sample in radians, or 0 to point-sample textures.</param>
    /// <param name="reflect">Whether a reflective material may spawn its one mirror bounce.</param>
    public Vector3 Shade(TraceScratch scratch, in RayHit hit, Vector3 o, Vector3 d, float pathBefore, float pixelAngle, bool reflect)
    {
        float len = d.Length();
        Vector3 dir = d / len;
        Vector3 p = o + d * hit.T;
        Vector3 n = hit.Normal;
        float dist = hit.T * len;
        float cos = MathF.Abs(Vector3.Dot(n, dir));
        // Grazing views stretch the footprint; capping the stretch keeps far floors from blurring to mush.
        float footprint = (pathBefore + dist) * pixelAngle / MathF.Max(cos, 0.1f);

        Material? mat;
        Vector3 irradiance;
        float visibility;
        ReadOnlySpan<int> specularLights = default;
        float u, v;
        switch (hit.Kind)
        {
            case SurfaceKind.Prop:
            {
                mat = _materials[_propMaterial[hit.Prop]];
                (u, v) = Geometry.Props[hit.Prop].SurfaceCoordinates(p, n);
                Vector3 albedoP = ProceduralTexture.Sample(mat, u, v, footprint);
                Vector3 c = albedoP * _ambient;
                foreach (PropLight pl in Lighting.PropLights[hit.Prop])
                {
                    ref readonly LightData light = ref _lights[pl.Light];
                    Vector3 toLight = light.Position - p;
                    float dist2 = toLight.LengthSquared();
                    Vector3 ldir = toLight / MathF.Sqrt(dist2);
                    float nl = Vector3.Dot(n, ldir);
                    if (nl <= 0) continue;
                    Vector3 radiance = light.Radiance * (light.Falloff(dist2) * pl.Visibility);
                    c += albedoP * radiance * nl;
                    if (mat.Specular > 0) c += radiance * (mat.Specular * Shading.Highlight(n, ldir, dir));
                }
                return Reflect(scratch, mat, c, p, n, dir, pathBefore + dist, pixelAngle, reflect);
            }
            case SurfaceKind.Wall:
                mat = hit.Room >= 0 ? _materials[_rooms[hit.Room].WallMaterial] : null;
                u = hit.Face < 2 ? p.Z : p.X;
                v = p.Y;
                Vector4 bw = Lighting.Wall(hit.CellI, hit.CellJ, hit.Face, u, p.Y, Geometry.CeilingHeight);
                (irradiance, visibility) = (new Vector3(bw.X, bw.Y, bw.Z), bw.W);
                break;
            case SurfaceKind.Floor:
                mat = hit.Room >= 0 ? _materials[_rooms[hit.Room].FloorMaterial] : null;
                (u, v) = (p.X, p.Z);
                Vector4 bf = Lighting.Floor(hit.CellI, hit.CellJ, p.X, p.Z);
                (irradiance, visibility) = (new Vector3(bf.X, bf.Y, bf.Z), bf.W);
                break;
            default:
                mat = hit.Room >= 0 ? _materials[_rooms[hit.Room].CeilingMaterial] : null;
                (u, v) = (p.X, p.Z);
                Vector4 bc = Lighting.Ceiling(hit.CellI, hit.CellJ, p.X, p.Z);
                (irradiance, visibility) = (new Vector3(bc.X, bc.Y, bc.Z), bc.W);
                break;
        }
        if (mat is null) return UnknownAlbedo * _ambient;
        if (hit.Room >= 0 && mat.Specular > 0 && visibility > 0) specularLights = Lighting.RoomLights[hit.Room];

        Vector3 albedo = ProceduralTexture.Sample(mat, u, v, footprint);
        Vector3 color = albedo * (_ambient + irradiance);
        float specular = mat.Specular * visibility;
        foreach (int l in specularLights)
        {
            ref readonly LightData light = ref _lights[l];
            Vector3 toLight = light.Position - p;
            float dist2 = toLight.LengthSquared();
            float peak = specular * light.Falloff(dist2);
            if (peak * MathF.Max(light.Radiance.X, MathF.Max(light.Radiance.Y, light.Radiance.Z)) < SpecularCutoff) continue;
            Vector3 ldir = toLight / MathF.Sqrt(dist2);
            if (Vector3.Dot(n, ldir) <= 0) continue;
            color += light.Radiance * (peak * Shading.Highlight(n, ldir, dir));
        }
        return Reflect(scratch, mat, color, p, n, dir, pathBefore + dist, pixelAngle, reflect);
    }

    /// <summary>Mixes in one mirror bounce for reflective materials; the bounce itself never reflects again.</summary>
    private Vector3 Reflect(TraceScratch scratch, Material mat, Vector3 color, Vector3 p, Vector3 n, Vector3 dir, float path, float pixelAngle, bool reflect)
    {
        if (!reflect || mat.Reflectivity <= 0) return color;
        Vector3 r = dir - 2 * Vector3.Dot(dir, n) * n;
        Vector3 origin = p + n * SurfaceOffset;
        Vector3 mirrored = Geometry.Trace(scratch, origin, r, float.PositiveInfinity, out RayHit h)
            ? Shade(scratch, h, origin, r, path, pixelAngle, false)
            : Vector3.Zero;
        float k = Math.Clamp(mat.Reflectivity, 0f, 1f);
        return color * (1 - k) + mirrored * k;
    }
}
