namespace RtfmGym.Env.Worlds;

/// <summary>
/// A small process-wide cache of generated worlds keyed by their options, so a suite or a
/// vector of environments over the same world generates (and bakes) it once. Worlds are
/// immutable, so sharing them is safe. Holds at most <see cref="Capacity"/> worlds, dropping the least recently used.
/// </summary>
public static class WorldCache
{
    /// <summary>Most worlds kept at once.</summary>
    public const int Capacity = 32;

    private static readonly LinkedList<(WorldOptions Options, World World)> Entries = new();
    private static readonly object Gate = new();

    /// <summary>The world for <paramref name="options"/>, generated on first use.</summary>
    public static World Get(WorldOptions options)
    {
        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Options == options)
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return node.Value.World;
                }
            }
        }
        World world = WorldGenerator.Generate(options);
        lock (Gate)
        {
            Entries.AddFirst((options, world));
            while (Entries.Count > Capacity) Entries.RemoveLast();
        }
        return world;
    }
}
