using RtfmGym.Env.Randomness;
using RtfmGym.Model.Network;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Training;

/// <summary>
/// The training objective: rectified flow with x-prediction. For a clean target x₀, noise ε and a
/// level t, the network sees x_t = (1 − t)·x₀ + t·ε with the target's rays and its context, and
/// predicts x₀; the loss is the squared error (depth weighted by half) with a per-level weight and a
/// level distribution set by the <see cref="TrainObjective"/>.
/// </summary>
internal static class FlowMatchingLoss
{
    /// <summary>Below this level the v-space weight stops growing (1 / 0.1² = 100).</summary>
    private const double WeightFloorLevel = 0.1;

    /// <summary>
    /// The loss of one batch, with its parts for the log. <paramref name="context"/> [B·views, N, context values] and <paramref name="generated"/>
    /// [B·views] (or null) and <paramref name="contextDepth"/> (or null) come from <see cref="SelfForcing.Prepare"/>, which may have
    /// swapped some views for the model's own.
    /// </summary>
    public static LossTerms Compute(FrameTransformer network, FrameModelConfig config, TrainingBatch batch, Tensor context, Tensor? generated, Tensor? contextDepth,
        TrainObjective objective, Rng levels, Generator noiseGenerator, Device device)
    {
        long n = batch.Tokens, b = batch.Size;
        long outValues = config.OutputPatchValues, rayValues = FrameModelConfig.RayChannels * config.PatchSize * config.PatchSize;
        var t = new float[b];
        var weight = new float[b];
        for (int i = 0; i < b; i++)
        {
            t[i] = DrawLevel(objective, levels);
            weight[i] = (float)Weight(objective.Weighting, t[i]);
        }

        Tensor x0 = tensor(batch.Targets, [b, n, outValues]).to(device);
        Tensor rays = tensor(batch.Rays, [b, n, rayValues]).to(device);
        Tensor level = tensor(t, [b]).to(device);
        Tensor noise = randn([b, n, outValues], noiseGenerator).to(device);
        Tensor tb = level.view([b, 1, 1]);
        Tensor xt = x0 * (1.0 - tb) + noise * tb;
        Tensor predicted = network.Forward(context, config.ImageSize / config.PatchSize, batch.Views, cat([xt, rays], 2), level, generated, contextDepth, out PointerReading? reading);
        Tensor squared = (predicted - x0).pow(2);
        Tensor perSample = (squared * ChannelWeights(config, device)).mean([1, 2]);
        Tensor loss = (perSample * tensor(weight, [b]).to(device)).mean();
        long colourValues = FrameModelConfig.ContextChannels * config.PatchSize * config.PatchSize;
        Tensor colourError, depthError, depthPerSample;
        Tensor? depthAtPureNoise = null;
        using (no_grad())
        {
            colourError = squared.narrow(2, 0, colourValues).mean();
            depthPerSample = squared.narrow(2, colourValues, outValues - colourValues).mean([1, 2]);
            depthError = depthPerSample.mean();
            long[] pure = Enumerable.Range(0, (int)b).Where(i => t[i] == 1f).Select(i => (long)i).ToArray();
            if (pure.Length > 0) depthAtPureNoise = depthPerSample.index_select(0, tensor(pure).to(device)).mean();
        }
        Tensor? readingLoss = null, correspondenceLoss = null;
        if (reading is not null)
        {
            readingLoss = (reading.Colour - x0.narrow(2, 0, colourValues)).pow(2).mean();
            if (objective.CopyReadingWeight > 0) loss = loss + readingLoss * objective.CopyReadingWeight;
            if (objective.CopyCorrespondenceWeight > 0 && batch.Correspondence is { } correspondence)
            {
                correspondenceLoss = CorrespondenceLoss(reading, correspondence, batch, device);
                loss = loss + correspondenceLoss * objective.CopyCorrespondenceWeight;
            }
        }
        return new LossTerms(loss, colourError, depthError, depthAtPureNoise, readingLoss?.detach(), correspondenceLoss?.detach());
    }

    /// <summary>
    /// How far the copy path looked from where the target's surface is seen: the negative log of the attention a
    /// target patch pays to all its right windows together (one per context view that sees it), averaged over the
    /// patches some view sees. Any view that sees the surface will do, so the path may choose the best one.
    /// </summary>
    internal static Tensor CorrespondenceLoss(PointerReading reading, int[] correspondence, TrainingBatch batch, Device device)
    {
        Tensor logAttention = reading.LogAttention();
        long b = batch.Size, n = batch.Tokens, views = batch.Views, m = logAttention.shape[2], perView = m / views;
        var wrong = new bool[b * n * m];
        Array.Fill(wrong, true);
        var seen = new float[b * n];
        for (long row = 0; row < b * n; row++)
            for (long view = 0; view < views; view++)
            {
                int window = correspondence[row * views + view];
                if (window == PointerCorrespondence.None) continue;
                wrong[row * m + view * perView + window] = false;
                seen[row] = 1;
            }
        // log Σ over the right windows, computed stably; rows with none get a finite value that their zero weight removes.
        Tensor masked = logAttention.masked_fill(tensor(wrong, [b, n, m]).to(device), -1e4);
        Tensor peak = masked.max(2, keepdim: true).values.detach();
        Tensor logRight = (masked - peak).exp().sum(2).log() + peak.squeeze(2);
        Tensor weights = tensor(seen, [b, n]).to(device);
        return -(logRight * weights).sum() / Math.Max(1f, seen.Sum());
    }

    /// <summary>The loss weight of a sample at noise level <paramref name="t"/>.</summary>
    internal static double Weight(LossWeighting weighting, double t) =>
        weighting == LossWeighting.VSpace ? 1.0 / Math.Pow(Math.Max(t, WeightFloorLevel), 2) : 1.0;

    /// <summary>One noise level in [0, 1] as <paramref name="objective"/> draws it.</summary>
    internal static float DrawLevel(TrainObjective objective, Rng rng)
    {
        if (rng.Chance(objective.PureNoiseShare)) return 1f;
        return objective.Levels switch
        {
            NoiseLevels.LogitNormal => (float)(1.0 / (1.0 + Math.Exp(-rng.NextGaussian()))),
            _ => (float)rng.NextDouble(),
        };
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
