using System.Runtime.CompilerServices;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// Prepared scenes per world instance, so episodes that reuse a world bake its lighting once.
/// Entries live as long as their world (a weak table); each world keeps one scene per
/// lighting setting (shadows, lightmap resolution).
/// </summary>
internal static class SceneCache
{
    private static readonly ConditionalWeakTable<World, Entry> Worlds = new();

    /// <summary>The scene for <paramref name="world"/> under <paramref name="options"/>, baking it on first use.</summary>
    public static PreparedScene Get(World world, RendererOptions options)
    {
        Entry entry = Worlds.GetValue(world, w => new Entry(new SceneGeometry(w)));
        lock (entry)
        {
            var key = (options.Shadows, options.LightmapTexelsPerMetre);
            if (!entry.Scenes.TryGetValue(key, out PreparedScene? scene))
            {
                scene = new PreparedScene(entry.Geometry, BakedLighting.Build(entry.Geometry, options.Shadows, options.LightmapTexelsPerMetre, options.Threads));
                entry.Scenes[key] = scene;
            }
            return scene;
        }
    }

    private sealed class Entry(SceneGeometry geometry)
    {
        public SceneGeometry Geometry { get; } = geometry;
        public Dictionary<(bool Shadows, float TexelsPerMetre), PreparedScene> Scenes { get; } = [];
    }
}
