using NUnit.Framework;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;
using static RtfmGym.Env.Tests.Rendering.RenderTestSupport;

namespace RtfmGym.Env.Tests.Rendering;

/// <summary>Whole-frame invariants on generated worlds, where answers are not known pixel by pixel.</summary>
public class GroundTruthRendererGeneratedWorldTests
{
    private static IEnumerable<Pose> FloorPoses(World world, int count, int seed)
    {
        var floor = new List<(int I, int J)>();
        for (int j = 0; j < world.Depth; j++)
        for (int i = 0; i < world.Width; i++)
            if (world.Cell(i, j) == CellKind.Floor) floor.Add((i, j));
        var rng = new Random(seed);
        for (int k = 0; k < count; k++)
        {
            var (i, j) = floor[rng.Next(floor.Count)];
            yield return Pose.FromYawPitchRoll((i + 0.5f) * world.CellSize, 0.6f, (j + 0.5f) * world.CellSize, 6.28f * rng.NextSingle(), 0.4f * (rng.NextSingle() - 0.5f));
        }
    }

    [TestCase(3UL)]
    [TestCase(17UL)]
    public void Render_CameraInsideGeneratedWorld_EveryPixelHitsAKnownObjectAtPositiveDepth(ulong seed)
    {
        World world = WorldGenerator.Generate(new WorldOptions { Seed = seed });
        using var renderer = new GroundTruthRenderer(RendererOptions.Default with { Threads = 2 });
        renderer.BeginEpisode(world, seed);
        foreach (Pose pose in FloorPoses(world, 12, (int)seed))
        {
            Frame f = renderer.Render(new FrameRequest(pose, Camera(), FrameChannels.All));
            for (int k = 0; k < f.Depth!.Length; k++)
            {
                Assert.That(f.Depth[k], Is.GreaterThan(0f).And.LessThan(world.SizeX + world.SizeZ + world.CeilingHeight), $"{pose} pixel {k}");
                Assert.That(f.ObjectIds![k], Is.InRange(0, world.Objects.Count - 1), $"{pose} pixel {k}");
            }
        }
    }

    [Test]
    public void Render_GeneratedWorldOneThreadVersusTwo_ByteIdentical()
    {
        World world = WorldGenerator.Generate(new WorldOptions { Seed = 5 });
        using var one = new GroundTruthRenderer(RendererOptions.Default with { Threads = 1 });
        using var two = new GroundTruthRenderer(RendererOptions.Default with { Threads = 2 });
        one.BeginEpisode(world, 0);
        two.BeginEpisode(world, 0);
        foreach (Pose pose in FloorPoses(world, 4, 5))
        {
            var request = new FrameRequest(pose, Camera(), FrameChannels.All);
            Assert.That(two.Render(request).Rgb, Is.EqualTo(one.Render(request).Rgb));
        }
    }
}
