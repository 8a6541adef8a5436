using RtfmGym.Env.Randomness;
using RtfmGym.Model.Network;
using RtfmGym.Model.Sampling;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Training;

/// <summary>
/// "Self-forcing lite": in a share of batches, each sample's last context views (for walks, the newest frames) are
/// replaced by frames the network itself draws at those views' poses, each from all the views before it (ground truth
/// and those already drawn, <see cref="TrainObjective.SelfForcingChain"/> deep), and marked as generated. The network
/// then learns, as in a rollout, to read its own frames as context and to weigh them against the ground truth,
/// instead of only ever seeing perfect context. The drawn frames carry no gradient.
/// </summary>
internal static class SelfForcing
{
    /// <summary>
    /// The context tensor [B·views, N, context values] of <paramref name="batch"/>, its depth input [B·views, N, 2·patch²]
    /// (null for a model without context depth) and, when this batch is self-forced, each view's mark [B·views]
    /// (1 = generated: drawn, or degraded by the batch; null: every view is ground truth). A drawn view gives its own depth, as in a rollout. Whether this
    /// batch is self-forced is drawn from <paramref name="rng"/>; its sampling noise from <paramref name="noiseGenerator"/>.
    /// </summary>
    public static (Tensor Context, Tensor? Generated, Tensor? Depth) Prepare(FrameTransformer network, FrameModelConfig config, TrainingBatch batch,
        TrainObjective objective, long step, Rng rng, Generator noiseGenerator, Device device)
    {
        long b = batch.Size, views = batch.Views, n = batch.Tokens, values = config.ContextPatchValues;
        Tensor context = tensor(batch.Context, [b * views, n, values]).to(device);
        long depthValues = config.ContextDepthPatchValues;
        Tensor? depth = batch.ContextDepth is { } d ? tensor(d, [b * views, n, depthValues]).to(device) : null;
        // Degraded views are marked generated; no marks at all means all ground truth (FrameTransformer.EncodeContext).
        long[] marks = batch.Degraded?.Select(x => x ? 1L : 0L).ToArray() ?? new long[b * views];
        Tensor? baseMarks = batch.Degraded is null ? null : tensor(marks, [b * views]).to(device);
        if (!network.HasProvenance || views < 2 || step < objective.SelfForcingFrom || !rng.Chance(objective.SelfForcingShare)) return (context, baseMarks, depth);

        long colourValues = FrameModelConfig.ContextChannels * config.PatchSize * config.PatchSize;
        int columns = config.ImageSize / config.PatchSize;
        long first = views - Math.Min(objective.SelfForcingChain, views - 1);
        Tensor[] frames = Enumerable.Range(0, (int)views).Select(v => context.view([b, views, n, values]).select(1, v)).ToArray();
        Tensor[]? depths = depth is null ? null : Enumerable.Range(0, (int)views).Select(v => depth.view([b, views, n, depthValues]).select(1, v)).ToArray();
        using (no_grad())
        {
            // A frame's keys and values depend on that frame alone, so each view is encoded once: the ground truth
            // together, each drawn view (marked generated) when it is drawn. Per view, [B, ...] per block.
            Tensor firstMarks = baseMarks is null ? zeros([b * first], ScalarType.Int64, device) : baseMarks.view([b, views]).narrow(1, 0, first).reshape([b * first]);
            (Tensor k, Tensor v)[] truth = network.EncodeContext(stack(frames.Take((int)first).ToArray(), 1).reshape([b * first, n, values]), columns,
                firstMarks, depths is null ? null : stack(depths.Take((int)first).ToArray(), 1).reshape([b * first, n, depthValues]));
            var encoded = Enumerable.Range(0, (int)first).Select(v => truth.Select(kv => (k: View(kv.k, b, first, v), v: View(kv.v, b, first, v))).ToArray()).ToList();
            for (long j = first; j < views; j++)
            {
                // View j is drawn from views 0 to j − 1.
                var kv = FrameTransformer.GroupContext(Enumerable.Range(0, truth.Length)
                    .Select(l => (Frames(encoded.Select(e => e[l].k), b, j), Frames(encoded.Select(e => e[l].v), b, j))).ToArray(), (int)j);
                Tensor rays = frames[j].narrow(2, colourValues, values - colourValues);
                Tensor noise = randn([b, n, config.OutputPatchValues], noiseGenerator).to(device);
                Tensor x0 = FlowSampler.Sample(network, rays, kv, noise, new SamplerSettings(objective.SelfForcingSamplerSteps));
                frames[j] = cat([x0.narrow(2, 0, colourValues), rays], 2).detach();
                // The drawn frame's depth channel (x₀'s fourth) with its known mark, as the model's frames give theirs at run time.
                if (depths is not null)
                    depths[j] = cat([x0.narrow(2, colourValues, depthValues / 2), ones([b, n, depthValues / 2], device: device)], 2).detach();
                for (long i = 0; i < b; i++) marks[i * views + j] = 1;
                if (j < views - 1)
                    encoded.Add(network.EncodeContext(frames[j], columns, ones([b], ScalarType.Int64, device), depths?[j]));
            }
        }
        Tensor replaced = stack(frames, 1).reshape([b * views, n, values]);
        Tensor? replacedDepth = depths is null ? null : stack(depths, 1).reshape([b * views, n, depthValues]);
        return (replaced, tensor(marks, [b * views]).to(device), replacedDepth);
    }

    /// <summary>View <paramref name="view"/> of per-frame encodings [B·count, ...] grouped by sample: [B, ...].</summary>
    private static Tensor View(Tensor perFrame, long b, long count, long view) =>
        perFrame.view([b, count, .. perFrame.shape[1..]]).select(1, view);

    /// <summary>Per-view encodings [B, ...] of <paramref name="count"/> views as per-frame encodings [B·count, ...] grouped by sample.</summary>
    private static Tensor Frames(IEnumerable<Tensor> perView, long b, long count)
    {
        Tensor stacked = stack(perView.ToArray(), 1);
        return stacked.reshape([b * count, .. stacked.shape[2..]]);
    }
}
