using RtfmGym.Env.Randomness;
using RtfmGym.Model.Network;
using RtfmGym.Model.Sampling;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Training;

/// <summary>
/// "Self-forcing lite": in a share of batches, each sample's last context view (for walks, the newest
/// frame) is replaced by the frame the network itself draws at that view's pose from the sample's other
/// views, and marked as generated. The network then learns, as in a rollout, to read its own frames as
/// context and to weigh them against the ground truth, instead of only ever seeing perfect context.
/// The drawn frame carries no gradient.
/// </summary>
internal static class SelfForcing
{
    /// <summary>
    /// The context tensor [B·views, N, context values] of <paramref name="batch"/>, its depth input [B·views, N, 2·patch²]
    /// (null for a model without context depth) and, when this batch is self-forced, each view's mark [B·views]
    /// (1 = generated; null: every view is ground truth). A drawn view gives its own depth, as in a rollout. Whether this
    /// batch is self-forced is drawn from <paramref name="rng"/>; its sampling noise from <paramref name="noiseGenerator"/>.
    /// </summary>
    public static (Tensor Context, Tensor? Generated, Tensor? Depth) Prepare(FrameTransformer network, FrameModelConfig config, TrainingBatch batch,
        TrainObjective objective, long step, Rng rng, Generator noiseGenerator, Device device)
    {
        long b = batch.Size, views = batch.Views, n = batch.Tokens, values = config.ContextPatchValues;
        Tensor context = tensor(batch.Context, [b * views, n, values]).to(device);
        long depthValues = config.ContextDepthPatchValues;
        Tensor? depth = batch.ContextDepth is { } d ? tensor(d, [b * views, n, depthValues]).to(device) : null;
        // No marks means all ground truth (FrameTransformer.EncodeContext).
        if (!network.HasProvenance || views < 2 || step < objective.SelfForcingFrom || !rng.Chance(objective.SelfForcingShare)) return (context, null, depth);
        var marks = new long[b * views];

        long colourValues = FrameModelConfig.ContextChannels * config.PatchSize * config.PatchSize;
        Tensor perSample = context.view([b, views, n, values]);
        Tensor others = perSample.narrow(1, 0, views - 1).reshape([b * (views - 1), n, values]);
        Tensor lastRays = perSample.select(1, views - 1).narrow(2, colourValues, values - colourValues);
        Tensor drawn;
        Tensor? drawnDepth;
        using (no_grad())
        {
            Tensor? otherDepth = depth?.view([b, views, n, depthValues]).narrow(1, 0, views - 1).reshape([b * (views - 1), n, depthValues]);
            var kv = FrameTransformer.GroupContext(network.EncodeContext(others, config.ImageSize / config.PatchSize, zeros([b * (views - 1)], ScalarType.Int64, device), otherDepth), (int)(views - 1));
            Tensor noise = randn([b, n, config.OutputPatchValues], noiseGenerator).to(device);
            Tensor x0 = FlowSampler.Sample(network, lastRays, kv, noise, new SamplerSettings(objective.SelfForcingSamplerSteps));
            drawn = cat([x0.narrow(2, 0, colourValues), lastRays], 2).detach();
            // The drawn frame's depth channel (x₀'s fourth) with its known mark, as the model's frames give theirs at run time.
            drawnDepth = depth is null ? null : cat([x0.narrow(2, colourValues, depthValues / 2), ones([b, n, depthValues / 2], device: device)], 2).detach();
        }
        Tensor replaced = cat([perSample.narrow(1, 0, views - 1), drawn.unsqueeze(1)], 1).reshape([b * views, n, values]);
        Tensor? replacedDepth = depth is null ? null
            : cat([depth.view([b, views, n, depthValues]).narrow(1, 0, views - 1), drawnDepth!.unsqueeze(1)], 1).reshape([b * views, n, depthValues]);
        for (long i = 0; i < b; i++) marks[i * views + views - 1] = 1;
        return (replaced, tensor(marks, [b * views]).to(device), replacedDepth);
    }
}
