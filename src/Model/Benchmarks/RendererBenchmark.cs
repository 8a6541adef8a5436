using System.Diagnostics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Model.Benchmarks;

/// <summary>
/// Measures <see cref="GroundTruthRenderer"/> throughput at 64x64 and 128x128, on one thread
/// and on all threads, from seeded camera poses on the world's floor (for `rtfmgym bench`).
/// Each figure is the best of <see cref="Rounds"/> rounds, so a briefly busy machine skews it less.
/// </summary>
public static class RendererBenchmark
{
    /// <summary>Camera height of the benchmark poses, metres.</summary>
    private const float CameraHeight = 0.6f;

    private const int Rounds = 3;

    /// <summary>Runs the benchmark.</summary>
    /// <param name="world">The world to render; null generates the default world of seed 3 (as `rtfmgym bench` does for env steps).</param>
    /// <param name="frames">Frames per round of each measurement (at least 1).</param>
    /// <param name="threads">Threads for the all-threads figures; 0 means <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="seed">Seed of the camera poses.</param>
    public static RendererBenchmarkResult Run(World? world = null, int frames = 300, int threads = 0, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        world ??= WorldGenerator.Generate(new WorldOptions { Seed = 3 });
        threads = threads == 0 ? Environment.ProcessorCount : threads;

        using var single = new GroundTruthRenderer(RendererOptions.Default with { Threads = 1 });
        using var all = new GroundTruthRenderer(RendererOptions.Default with { Threads = threads });
        // Bypasses the per-world cache, which would time nothing for a world prepared before.
        var bake = Stopwatch.StartNew();
        GroundTruthRenderer.PrepareUncached(world, single.Options);
        double bakeMs = bake.Elapsed.TotalMilliseconds;
        single.BeginEpisode(world, seed);
        all.BeginEpisode(world, seed);

        var poses = Poses(world, frames, seed);
        double s64 = MeasureSingle(single, poses, 64), a64 = MeasureBatch(all, poses, 64);
        double s128 = MeasureSingle(single, poses, 128), a128 = MeasureBatch(all, poses, 128);
        return new RendererBenchmarkResult(s64, a64, s128, a128, threads, bakeMs, frames);
    }

    private static double MeasureSingle(GroundTruthRenderer renderer, Pose[] poses, int size)
    {
        var requests = Requests(poses, size);
        for (int k = 0; k < Math.Min(20, requests.Length); k++) renderer.Render(requests[k]);
        return BestOf(() => { foreach (FrameRequest r in requests) renderer.Render(r); }, requests.Length);
    }

    private static double MeasureBatch(GroundTruthRenderer renderer, Pose[] poses, int size)
    {
        var requests = Requests(poses, size);
        renderer.RenderBatch(requests.Take(Math.Min(20, requests.Length)).ToArray());
        return BestOf(() => renderer.RenderBatch(requests), requests.Length);
    }

    /// <summary>Frames per second of the fastest of <see cref="Rounds"/> runs of <paramref name="render"/>.</summary>
    private static double BestOf(Action render, int frames)
    {
        double best = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            render();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return frames / best;
    }

    private static FrameRequest[] Requests(Pose[] poses, int size)
    {
        var camera = CameraIntrinsics.FromVerticalFov(size, size, MathF.PI / 2);
        return poses.Select((p, k) => new FrameRequest(p, camera, FrameChannels.All, k)).ToArray();
    }

    /// <summary>Seeded poses at random points of random floor cells, random headings.</summary>
    private static Pose[] Poses(World world, int count, ulong seed)
    {
        var floor = new List<(int I, int J)>();
        for (int j = 0; j < world.Depth; j++)
        for (int i = 0; i < world.Width; i++)
            if (world.Cell(i, j) == CellKind.Floor) floor.Add((i, j));
        if (floor.Count == 0) throw new ArgumentException("The world has no floor cells to put a camera on.", nameof(world));
        var rng = Rng.Derive(seed, "renderer-benchmark");
        var poses = new Pose[count];
        for (int k = 0; k < count; k++)
        {
            var (i, j) = rng.Pick(floor);
            float x = (i + (float)rng.Uniform(0.2, 0.8)) * world.CellSize, z = (j + (float)rng.Uniform(0.2, 0.8)) * world.CellSize;
            poses[k] = Pose.FromYawPitchRoll(x, CameraHeight, z, (float)rng.Uniform(-Math.PI, Math.PI));
        }
        return poses;
    }
}
