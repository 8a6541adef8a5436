using System.Numerics;
using RtfmGym.Env.Randomness;

namespace RtfmGym.Env.Worlds;

/// <summary>Draws plausible indoor materials (colours in linear RGB) for walls, floors, ceilings and props.</summary>
internal static class MaterialPalette
{
    private static readonly (string Name, Vector3 A, Vector3 B, MaterialPattern Pattern, float Scale)[] Walls =
    [
        ("plaster", new(0.62f, 0.58f, 0.50f), new(0.55f, 0.52f, 0.45f), MaterialPattern.Noise, 0.6f),
        ("sage paint", new(0.38f, 0.48f, 0.36f), new(0.34f, 0.43f, 0.32f), MaterialPattern.Noise, 0.8f),
        ("striped wallpaper", new(0.60f, 0.45f, 0.40f), new(0.45f, 0.30f, 0.28f), MaterialPattern.Stripes, 0.4f),
        ("blue tiles", new(0.25f, 0.38f, 0.62f), new(0.80f, 0.82f, 0.85f), MaterialPattern.Tiles, 0.3f),
        ("brick", new(0.50f, 0.20f, 0.14f), new(0.70f, 0.68f, 0.62f), MaterialPattern.Tiles, 0.25f),
        ("ochre paint", new(0.70f, 0.52f, 0.22f), new(0.64f, 0.47f, 0.20f), MaterialPattern.Noise, 0.7f),
        ("grey concrete", new(0.42f, 0.42f, 0.42f), new(0.33f, 0.33f, 0.34f), MaterialPattern.Noise, 0.35f),
    ];

    private static readonly (string Name, Vector3 A, Vector3 B, MaterialPattern Pattern, float Scale)[] Floors =
    [
        ("oak floor", new(0.45f, 0.28f, 0.14f), new(0.33f, 0.19f, 0.09f), MaterialPattern.Wood, 0.5f),
        ("checker tiles", new(0.80f, 0.80f, 0.78f), new(0.12f, 0.12f, 0.13f), MaterialPattern.Checker, 0.5f),
        ("terracotta", new(0.55f, 0.25f, 0.15f), new(0.35f, 0.18f, 0.12f), MaterialPattern.Tiles, 0.4f),
        ("carpet", new(0.25f, 0.18f, 0.35f), new(0.20f, 0.14f, 0.28f), MaterialPattern.Noise, 0.2f),
        ("slate", new(0.22f, 0.24f, 0.26f), new(0.30f, 0.32f, 0.33f), MaterialPattern.Tiles, 0.6f),
        ("pine boards", new(0.62f, 0.46f, 0.26f), new(0.50f, 0.36f, 0.19f), MaterialPattern.Stripes, 0.2f),
    ];

    private static readonly Vector3[] PropColours =
    [
        new(0.70f, 0.12f, 0.10f), new(0.12f, 0.45f, 0.70f), new(0.85f, 0.70f, 0.15f), new(0.15f, 0.55f, 0.25f),
        new(0.55f, 0.25f, 0.60f), new(0.90f, 0.45f, 0.10f), new(0.80f, 0.80f, 0.80f), new(0.10f, 0.10f, 0.10f),
    ];

    public static Material Wall(int id, Rng rng) => Pick(id, Walls, rng, reflectivity: 0f, specular: 0.05f);

    public static Material Floor(int id, Rng rng, bool polished)
    {
        Material m = Pick(id, Floors, rng, reflectivity: polished ? 0.35f : 0f, specular: polished ? 0.6f : 0.15f);
        return polished ? m with { Name = "polished " + m.Name } : m;
    }

    public static Material Ceiling(int id, Rng rng)
    {
        float v = (float)rng.Uniform(0.70f, 0.85f);
        return new Material(id, "ceiling", new Vector3(v, v, v * 0.97f), new Vector3(v * 0.95f), MaterialPattern.Solid, 1f, 0f, 0f);
    }

    public static Material Prop(int id, Rng rng)
    {
        Vector3 a = PropColours[(int)rng.NextLong(PropColours.Length)];
        var pattern = rng.Chance(0.3) ? MaterialPattern.Stripes : MaterialPattern.Solid;
        return new Material(id, "painted", a, a * 0.6f, pattern, 0.15f, 0f, (float)rng.Uniform(0.1, 0.7));
    }

    public static Material Chrome(int id) =>
        new(id, "chrome", new Vector3(0.75f, 0.76f, 0.78f), new Vector3(0.75f, 0.76f, 0.78f), MaterialPattern.Solid, 1f, 0.85f, 1f);

    private static Material Pick(int id, (string Name, Vector3 A, Vector3 B, MaterialPattern Pattern, float Scale)[] table, Rng rng, float reflectivity, float specular)
    {
        var e = table[(int)rng.NextLong(table.Length)];
        // A little per-room tint so two rooms with the same material still differ.
        var tint = new Vector3((float)rng.Uniform(0.9, 1.1), (float)rng.Uniform(0.9, 1.1), (float)rng.Uniform(0.9, 1.1));
        return new Material(id, e.Name, Vector3.Clamp(e.A * tint, Vector3.Zero, Vector3.One), Vector3.Clamp(e.B * tint, Vector3.Zero, Vector3.One), e.Pattern, e.Scale, reflectivity, specular);
    }
}
