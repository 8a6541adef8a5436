using RtfmGym.Env.Memory;

namespace RtfmGym.Env;

// Preloading a remembered world (`rtfmgym run --memory-in`). Kept apart from
// RtfmEnvironment.cs so the two evolve without stepping on each other; Reset calls
// ApplyPreloadedMemory once, right after emptying the memory.
public sealed partial class RtfmEnvironment
{
    private SpatialMemory? _preload;

    /// <summary>
    /// Makes every following reset start from a remembered world: after emptying <see cref="Memory"/>,
    /// reset copies the entries of <paramref name="memory"/> into it, oldest first, before the frame
    /// source's seed views and the first frame. Copies get new ids (ids never repeat in a memory) and
    /// keep their order and ages: their steps are shifted so that the newest is step -1, seen just
    /// before the episode began. A copy of <paramref name="memory"/> is kept, so later changes to it
    /// do not leak in. Pass null to stop preloading.
    /// </summary>
    /// <exception cref="RtfmGymException">
    /// This environment keeps no memory, or <paramref name="memory"/> was recorded in another world
    /// (<see cref="SpatialMemory.WorldSeed"/> differs from the scenario's world seed). A memory whose
    /// world is unknown (null seed) is accepted. Reset checks the world again, since its options may
    /// change the world seed, and throws the same exception (leaving the environment as it was) on a mismatch.
    /// </exception>
    public void PreloadMemory(SpatialMemory? memory)
    {
        ThrowIfClosed();
        if (memory is null)
        {
            _preload = null;
            return;
        }
        if (Memory is null)
            throw new RtfmGymException("This environment keeps no spatial memory to preload into; create it with a SpatialMemory.");
        ThrowIfOtherWorld(memory, Scenario.World.Seed);
        _preload = memory.Clone();
    }

    /// <summary>The memory copied in at every reset (see <see cref="PreloadMemory"/>), or null.</summary>
    public SpatialMemory? PreloadedMemory => _preload;

    /// <summary>Marks the emptied memory as this episode's world and copies the preloaded entries in.</summary>
    private void ApplyPreloadedMemory()
    {
        if (Memory is null) return;
        Memory.WorldSeed = World.Seed;
        if (_preload is null) return; // Reset checked its world before changing anything
        int shift = -_preload.LatestStep - 1;
        foreach (MemoryEntry e in _preload.Entries)
            Memory.Insert(e.Pose, e.Frame, e.Step + shift, e.GenerationDepth);
    }

    private static void ThrowIfOtherWorld(SpatialMemory memory, ulong worldSeed)
    {
        if (memory.WorldSeed is { } seed && seed != worldSeed)
            throw new RtfmGymException(
                $"The memory to preload was recorded in world seed {seed}, but this episode's world has seed {worldSeed}; " +
                $"remembered frames of one world are wrong in another. Use a memory saved in world seed {worldSeed}, or run a scenario whose world.seed is {seed}.");
    }
}
