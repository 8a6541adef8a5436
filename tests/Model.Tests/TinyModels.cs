using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests;

/// <summary>Tiny models, data and scenarios for tests that run in seconds.</summary>
internal static class TinyModels
{
    /// <summary>A tiny model whose weights are all random (a fresh model's zero-initialised output layer would draw the same grey frame for any input).</summary>
    public static FrameModel Random(ulong seed = 1, FrameModelConfig? config = null)
    {
        FrameModel model = FrameModel.Create(config ?? FrameModelConfig.Tiny, seed);
        using var g = torch.Generator(seed + 100);
        using (no_grad())
            foreach (Tensor p in model.Network.parameters()) nn.init.normal_(p, 0, 0.08, g);
        model.Network.eval();
        return model;
    }

    /// <summary>
    /// A 32x32 sample in training world 7 whose target is <paramref name="target"/> and whose context views are
    /// <paramref name="views"/>, all rendered with depth (poses in the world's own frame).
    /// </summary>
    public static TrainingExample Rendered(Pose target, params Pose[] views)
    {
        var camera = new TrainingDataGenerator(Data, seed: 3).Camera;
        World world = WorldGenerator.Generate(TrainingDataGenerator.WorldOptionsFor(7));
        using var renderer = new GroundTruthRenderer(new RendererOptions { Threads = 1 });
        renderer.BeginEpisode(world, 0);
        var frames = renderer.RenderBatch(views.Append(target).Select(p => new FrameRequest(p, camera, FrameChannels.Rgb | FrameChannels.Depth)).ToArray());
        return new TrainingExample(SampleKind.Interpolation, world.Seed, camera, views, frames.Take(views.Length).ToArray(), target, frames[^1], TrainingDataGenerator.CentreOf(world));
    }

    /// <summary>A free pose in training world 7 (the target of its first copy sample), for <see cref="Rendered"/>.</summary>
    public static Pose PoseInWorld7() =>
        new TrainingDataGenerator(Data with { NearCopyShare = 0 }, seed: 3)
            .Example(WorldGenerator.Generate(TrainingDataGenerator.WorldOptionsFor(7)), new Rng(9), views: 1, SampleKind.Copy).TargetPose;

    /// <summary>Training data at the tiny preset's 32x32 with a small world pool.</summary>
    public static TrainingDataOptions Data => new() { ImageSize = 32, PoolSize = 2 };

    /// <summary>A 32x32 PointNav scenario in a small world.</summary>
    public static Scenario Scenario(string frames = "ground-truth") => ScenarioLoader.Parse($$"""
        name: tiny
        seed: 4
        max_steps: 40
        frames: {{frames}}
        world: { seed: 3, rooms: 3 }
        camera: { width: 32, height: 32 }
        observations: [rgb, depth, pose, goal]
        action: { kind: discrete }
        task: { kind: pointnav }
        """, "tiny.yaml");
}
