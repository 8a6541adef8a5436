using RtfmGym.Env.Scenarios;
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
