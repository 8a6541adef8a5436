using RtfmGym.Model.Network;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Sampling;

/// <summary>
/// Few-step deterministic sampler for the rectified-flow path x_t = (1 − t)·x₀ + t·ε: start from
/// noise at t = 1, and at each of the evenly spaced levels predict x₀, infer ε from it and move
/// to the next level (DDIM with η = 0). The final level returns the x₀ estimate itself. The
/// same starting noise (seed) gives the same frame.
/// </summary>
internal static class FlowSampler
{
    /// <summary>
    /// Samples targets: <paramref name="rays"/> [B, N, ray values] of the target poses, <paramref name="context"/>
    /// per-block keys and values grouped per sample (or null), <paramref name="noise"/> [B, N, output values]
    /// the starting noise. Returns the clean RGB-D estimate in token layout, clamped to [-1, 1].
    /// </summary>
    /// <param name="network">The denoiser; its input is the noisy tokens concatenated with the rays.</param>
    /// <param name="rays">Ray encoding of the target poses, [B, N, ray values].</param>
    /// <param name="context">Per-block keys and values of the context frames, grouped per sample; null to draw without context.</param>
    /// <param name="noise">Starting noise at t = 1, [B, N, output values]; the same noise gives the same frame.</param>
    /// <param name="settings">How many evenly spaced denoising steps to take.</param>
    /// <param name="onStep">Called after each denoising step with its index (for latency splits); may be null.</param>
    public static Tensor Sample(FrameTransformer network, Tensor rays, IReadOnlyList<(Tensor k, Tensor v)>? context, Tensor noise, SamplerSettings settings, Action<int>? onStep = null)
    {
        long batch = rays.shape[0];
        Tensor x = noise;
        for (int i = 0; i < settings.Steps; i++)
        {
            double t = 1.0 - (double)i / settings.Steps, next = 1.0 - (double)(i + 1) / settings.Steps;
            Tensor x0 = network.Denoise(cat([x, rays], 2), full([batch], t), context).clamp(-1, 1);
            onStep?.Invoke(i);
            if (i == settings.Steps - 1) return x0;
            Tensor eps = (x - x0 * (1 - t)) / t;
            x = x0 * (1 - next) + eps * next;
        }
        throw new InvalidOperationException("unreachable: at least one step");
    }
}
