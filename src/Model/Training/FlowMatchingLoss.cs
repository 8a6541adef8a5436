using RtfmGym.Env.Randomness;
using RtfmGym.Model.Network;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Training;

/// <summary>
/// The training objective: rectified flow with x-prediction. For a clean target x₀, noise ε and a
/// level t, the network sees x_t = (1 − t)·x₀ + t·ε with the target's rays and its context, and
/// predicts x₀; the loss is the mean squared error (depth weighted by half). Levels are uniform in
/// [0, 1] with extra weight at t = 1, the level every sample starts from.
/// </summary>
internal static class FlowMatchingLoss
{
    /// <summary>Share of samples trained at exactly t = 1.</summary>
    private const double PureNoiseShare = 0.25;

    public static Tensor Compute(FrameTransformer network, FrameModelConfig config, TrainingBatch batch, Rng levels, Generator noiseGenerator, Device device)
    {
        long n = batch.Tokens, b = batch.Size;
        long outValues = config.OutputPatchValues, rayValues = FrameModelConfig.RayChannels * config.PatchSize * config.PatchSize;
        var t = new float[b];
        for (int i = 0; i < b; i++) t[i] = levels.Chance(PureNoiseShare) ? 1f : (float)levels.NextDouble();

        Tensor x0 = tensor(batch.Targets, [b, n, outValues]).to(device);
        Tensor rays = tensor(batch.Rays, [b, n, rayValues]).to(device);
        Tensor level = tensor(t, [b]).to(device);
        Tensor noise = randn([b, n, outValues], noiseGenerator).to(device);
        Tensor tb = level.view([b, 1, 1]);
        Tensor xt = x0 * (1.0 - tb) + noise * tb;
        Tensor context = tensor(batch.Context, [b * batch.Views, n, config.ContextPatchValues]).to(device);
        Tensor predicted = network.Forward(context, batch.Views, cat([xt, rays], 2), level);
        return ((predicted - x0).pow(2) * ChannelWeights(config, device)).mean();
    }

    /// <summary>[1, 1, output values]: 1 for colour, 0.5 for depth (colour is what observations show).</summary>
    private static Tensor ChannelWeights(FrameModelConfig config, Device device)
    {
        int area = config.PatchSize * config.PatchSize;
        var w = new float[FrameModelConfig.OutputChannels * area];
        for (int c = 0; c < FrameModelConfig.OutputChannels; c++)
            Array.Fill(w, c == 3 ? 0.5f : 1f, c * area, area);
        return tensor(w, [1, 1, w.Length]).to(device);
    }
}
