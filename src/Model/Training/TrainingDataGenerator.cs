using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Model.Training;

/// <summary>
/// Renders training samples on the fly from procedural worlds with the ground-truth renderer,
/// in parallel. Batch b is a pure function of (seed, b): the world pool at batch b, the number
/// of context views and every pose are derived from them, so a resumed run continues with the
/// very batches the original would have seen. World seeds come from the training range only
/// (<see cref="WorldSeeds"/>); pass <c>heldOut: true</c> for evaluation worlds.
/// </summary>
public sealed class TrainingDataGenerator
{
    /// <summary>Batches between replacing one world of the pool.</summary>
    private const int RefreshBatches = 4;

    private static readonly (int Views, double Weight)[] ViewMix = [(1, 0.1), (2, 0.15), (3, 0.15), (4, 0.3), (6, 0.15), (8, 0.15)];
    private static readonly RendererOptions Renderer = new() { Threads = 1 };
    private const float AgentRadius = 0.2f;

    private readonly ulong _seed;
    private readonly bool _heldOut;
    private readonly Dictionary<ulong, World> _worlds = [];

    /// <summary>A generator of samples drawn from <paramref name="seed"/>.</summary>
    /// <param name="options">Image size, field of view, views and world settings; validated here.</param>
    /// <param name="seed">Seed of every draw (worlds, poses, view counts): one seed gives the same samples.</param>
    /// <param name="heldOut">Draw worlds from the held-out seed range (for evaluation) instead of the training range.</param>
    public TrainingDataGenerator(TrainingDataOptions options, ulong seed, bool heldOut = false)
    {
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        (_seed, _heldOut) = (seed, heldOut);
        Camera = CameraIntrinsics.FromVerticalFov(options.ImageSize, options.ImageSize, options.FovDegrees * MathF.PI / 180f);
    }

    /// <summary>The validated options samples are drawn with.</summary>
    public TrainingDataOptions Options { get; }

    /// <summary>The camera of every sample.</summary>
    public CameraIntrinsics Camera { get; }

    /// <summary>Number of context views used for batch <paramref name="batch"/> (the same for all its samples).</summary>
    public int ViewsFor(long batch)
    {
        double u = Rng.Derive(_seed, $"views {batch}").NextDouble() * ViewMix.Sum(v => v.Weight);
        foreach (var (views, weight) in ViewMix)
        {
            if (u < weight) return views;
            u -= weight;
        }
        return ViewMix[^1].Views;
    }

    /// <summary>Batch <paramref name="batch"/> of <paramref name="size"/> samples with <paramref name="views"/> context views each (default: <see cref="ViewsFor"/>).</summary>
    public TrainingExample[] Batch(long batch, int size, int? views = null, SampleKind? kind = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        int k = views ?? ViewsFor(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 0, nameof(views));
        World[] pool = PoolAt(batch);
        var examples = new TrainingExample[size];
        Parallel.For(0, size, j =>
        {
            var rng = Rng.Derive(_seed, $"example {batch} {j}");
            examples[j] = Example(pool[rng.NextInt(0, pool.Length)], rng, k, kind ?? PickKind(rng));
        });
        return examples;
    }

    /// <summary>One sample of <paramref name="kind"/> in <paramref name="world"/> (used by evaluation with chosen worlds).</summary>
    public TrainingExample Example(World world, Rng rng, int views, SampleKind kind)
    {
        float height = Options.CameraHeight + (float)rng.Uniform(-0.15, 0.15);
        float pitch = (float)(rng.NextGaussian() * 0.04);
        Pose target;
        Pose[] context;
        if (kind == SampleKind.Trajectory && Options.StartShare > 0 && views > 0 && rng.Chance(Options.StartShare))
            (context, target) = Start(world, rng, views, height, pitch);
        else if (kind == SampleKind.Trajectory)
        {
            Pose[] walk = Walk(world, rng, views + 1, height, pitch);
            (context, target) = (walk[..views], walk[views]);
        }
        else
        {
            target = RandomPose(world, rng, height, pitch);
            context = new Pose[views];
            for (int i = 0; i < views; i++)
            {
                float yawOffset = kind == SampleKind.Extrapolation
                    ? (rng.Chance(0.5) ? 1 : -1) * (float)rng.Uniform(60, 180)
                    : (float)rng.Uniform(-40, 40);
                context[i] = Near(world, rng, target, yawOffset * MathF.PI / 180f, height, pitch);
            }
            if (kind == SampleKind.Copy && views > 0)
                context[0] = rng.Chance(Options.NearCopyShare) ? NearCopy(world, rng, target) : target;
        }
        using var renderer = new GroundTruthRenderer(Renderer);
        renderer.BeginEpisode(world, 0);
        // Depth of the context views too: training supervises where the copy path reads with it (PointerCorrespondence).
        var requests = context.Append(target).Select(p => new FrameRequest(p, Camera, FrameChannels.Rgb | FrameChannels.Depth)).ToArray();
        IReadOnlyList<Frame> frames = renderer.RenderBatch(requests);
        return new TrainingExample(kind, world.Seed, Camera, context, frames.Take(views).ToArray(), target, frames[views], CentreOf(world));
    }

    /// <summary>Centre of <paramref name="world"/>'s floor plan at floor height, metres.</summary>
    public static Vector3 CentreOf(World world) => new(world.SizeX / 2f, 0f, world.SizeZ / 2f);

    private SampleKind PickKind(Rng rng)
    {
        var (t, i, e, c) = Options.Mix;
        double u = rng.NextDouble() * (t + i + e + c);
        return u < t ? SampleKind.Trajectory : u < t + i ? SampleKind.Interpolation : u < t + i + e ? SampleKind.Extrapolation : SampleKind.Copy;
    }

    /// <summary>A view within 0.1 m and 5° of <paramref name="target"/> (the target itself where the floor is not free).</summary>
    private static Pose NearCopy(World world, Rng rng, Pose target)
    {
        double r = 0.1 * Math.Sqrt(rng.NextDouble()), a = rng.Uniform(0, 2 * Math.PI);
        var xz = new Vector2(target.Position.X + (float)(r * Math.Cos(a)), target.Position.Z + (float)(r * Math.Sin(a)));
        if (!world.Navigation.IsFree(xz, AgentRadius)) return target;
        var turn = Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)rng.Uniform(-5, 5) * MathF.PI / 180f);
        return new Pose(new Vector3(xz.X, target.Position.Y, xz.Y), Quaternion.Normalize(turn * target.Orientation));
    }

    /// <summary>The worlds in the pool at <paramref name="batch"/>: slot s holds the newest world assigned to it by then.</summary>
    private World[] PoolAt(long batch)
    {
        int size = Options.PoolSize;
        long refreshes = batch / RefreshBatches;
        var seeds = new ulong[size];
        for (int s = 0; s < size; s++)
        {
            // Refresh r (1, 2, ...) replaces slot r mod size; the newest one for slot s is the largest r <= refreshes with r = s (mod size).
            long r = refreshes - ((refreshes - s) % size + size) % size;
            seeds[s] = WorldSeed(r >= 1 ? $"refresh {r}" : $"initial {s}");
        }
        lock (_worlds)
        {
            foreach (ulong stale in _worlds.Keys.Except(seeds).ToArray()) _worlds.Remove(stale);
            return seeds.Select(Get).ToArray();
        }
    }

    private ulong WorldSeed(string purpose)
    {
        ulong draw = Rng.Derive(_seed, "world " + purpose).NextUInt64();
        return _heldOut ? WorldSeeds.HeldOutStart + draw % (WorldSeeds.HeldOutEnd - WorldSeeds.HeldOutStart) : WorldSeeds.Training(draw);
    }

    private World Get(ulong seed)
    {
        if (_worlds.TryGetValue(seed, out World? world)) return world;
        return _worlds[seed] = WorldGenerator.Generate(WorldOptionsFor(seed));
    }

    /// <summary>The generator settings of world <paramref name="seed"/>: apartments of 2 to 6 rooms, drawn from the seed.</summary>
    public static WorldOptions WorldOptionsFor(ulong seed)
    {
        var rng = Rng.Derive(seed, "world options");
        return new WorldOptions
        {
            Seed = seed,
            Rooms = rng.NextInt(2, 7),
            MinRoomSize = 3f,
            MaxRoomSize = (float)rng.Uniform(4, 7),
            CeilingHeight = (float)rng.Uniform(2.5, 3.0),
            MaxPropsPerRoom = rng.NextInt(0, 5),
        };
    }

    private static Pose RandomPose(World world, Rng rng, float height, float pitch)
    {
        if (!world.Navigation.TrySampleFree(rng, AgentRadius, out Vector2 xz))
            throw new InvalidOperationException($"World {world.Seed} has no free floor for a camera.");
        return Pose.FromYawPitchRoll(xz.X, height, xz.Y, (float)rng.Uniform(-MathF.PI, MathF.PI), pitch);
    }

    private static Pose Near(World world, Rng rng, Pose target, float yawOffset, float height, float pitch)
    {
        Vector2 centre = new(target.Position.X, target.Position.Z), xz = centre;
        for (int attempt = 0; attempt < 12; attempt++)
        {
            double r = 0.8 * Math.Sqrt(rng.NextDouble()), a = rng.Uniform(0, 2 * Math.PI);
            var candidate = centre + new Vector2((float)(r * Math.Cos(a)), (float)(r * Math.Sin(a)));
            if (world.Navigation.IsFree(candidate, AgentRadius) && world.Navigation.LineOfSight(centre, candidate, AgentRadius)) { xz = candidate; break; }
        }
        return Pose.FromYawPitchRoll(xz.X, height, xz.Y, target.Yaw + yawOffset, pitch);
    }

    /// <summary>
    /// A start sample (<see cref="TrainingDataOptions.StartShare"/>): <paramref name="views"/> context poses (the start, the start
    /// turned by each of <see cref="TrainingDataOptions.StartHeadingsDegrees"/>, then the walk's poses before the target) and a
    /// target one to four single actions from the start.
    /// </summary>
    private static (Pose[] Context, Pose Target) Start(World world, Rng rng, int views, float height, float pitch)
    {
        Pose start = RandomPose(world, rng, height, pitch);
        Pose[] walk = Walk(world, rng, start, pitch, rng.NextInt(2, 6), actionsPerStep: 1);
        IEnumerable<Pose> turned = TrainingDataOptions.StartHeadingsDegrees.Select(degrees => start with
        {
            Orientation = Quaternion.Normalize(Quaternion.CreateFromAxisAngle(Vector3.UnitY, degrees * MathF.PI / 180f) * start.Orientation),
        });
        // Fewer poses than views (a one-action walk with 8 views): the start again, as a memory may hold a place twice.
        Pose[] context = new[] { start }.Concat(turned).Concat(walk[1..^1]).Concat(Enumerable.Repeat(start, views)).Take(views).ToArray();
        return (context, walk[^1]);
    }

    /// <summary>A random walk as an agent would make it: between views, one to three moves of 0.25 m or turns of 10° to 30°.</summary>
    private static Pose[] Walk(World world, Rng rng, int views, float height, float pitch) =>
        Walk(world, rng, RandomPose(world, rng, height, pitch), pitch, views, actionsPerStep: 0);

    /// <summary>
    /// <paramref name="views"/> poses of a random walk from <paramref name="start"/> (the first; level but for <paramref name="pitch"/>):
    /// between views, one to three moves of 0.25 m or turns of 10° to 30°, or exactly <paramref name="actionsPerStep"/> when it is positive.
    /// </summary>
    private static Pose[] Walk(World world, Rng rng, Pose start, float pitch, int views, int actionsPerStep)
    {
        float height = start.Position.Y;
        Vector2 xz = new(start.Position.X, start.Position.Z);
        float yaw = start.Yaw;
        float turn = rng.Chance(0.5) ? 1 : -1;
        var poses = new Pose[views];
        for (int i = 0; i < views; i++)
        {
            int actions = i == 0 ? 0 : actionsPerStep > 0 ? actionsPerStep : rng.NextInt(1, 4);
            for (int a = 0; a < actions; a++)
            {
                Vector2 ahead = xz + 0.25f * new Vector2(-MathF.Sin(yaw), -MathF.Cos(yaw));
                if (rng.Chance(0.55) && world.Navigation.IsFree(ahead, AgentRadius)) xz = ahead;
                else
                {
                    if (rng.Chance(0.2)) turn = -turn;
                    yaw += turn * (float)rng.Uniform(10, 30) * MathF.PI / 180f;
                }
            }
            poses[i] = Pose.FromYawPitchRoll(xz.X, height, xz.Y, yaw, pitch);
        }
        return poses;
    }
}
