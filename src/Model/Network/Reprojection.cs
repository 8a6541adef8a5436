using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// Where a target patch's surface lies, for the copy path's reprojecting query: its camera centre, recovered from
/// the Plücker rays in its tokens, plus its view direction times the depth the network itself predicts for it
/// (its x₀ estimate, without gradient). Positions are in the rays' units (metres ÷ <see cref="FrameModelConfig.PositionScale"/>).
/// Nothing here is given by the renderer at inference: the depth is the model's own.
/// </summary>
/// <param name="PositionScale">Metres per unit of ray origin (<see cref="FrameModelConfig.PositionScale"/>).</param>
/// <param name="DepthScale">Metres of the depth encoding (<see cref="FrameModelConfig.DepthScale"/>).</param>
internal sealed record Reprojection(float PositionScale, float DepthScale)
{
    /// <summary>
    /// Camera centres [F, 3] of frames given as tokens [F, N, channels·patch²] whose six ray channels start at
    /// <paramref name="directionChannel"/>: the meeting point of the rays of the first and the last pixel.
    /// </summary>
    public static Tensor CameraCentres(Tensor tokens, int channels, int directionChannel)
    {
        long f = tokens.shape[0], n = tokens.shape[1], pixels = tokens.shape[2] / channels;
        Tensor rays = tokens.view([f, n, channels, pixels]).narrow(2, directionChannel, 6);
        Tensor first = rays.select(1, 0).select(2, 0), last = rays.select(1, n - 1).select(2, pixels - 1);
        Tensor d1 = first.narrow(1, 0, 3), d2 = last.narrow(1, 0, 3);
        // A ray (d, m = o × d) with unit d passes through d × m, its point nearest the origin; the two rays meet at o.
        Tensor p1 = Cross(d1, first.narrow(1, 3, 3)), p2 = Cross(d2, last.narrow(1, 3, 3));
        Tensor w = p1 - p2;
        Tensor b = (d1 * d2).sum(1), e = (d2 * w).sum(1), d = (d1 * w).sum(1);
        Tensor s = (b * e - d) / (1.0 - b * b).clamp(min: 1e-6);
        return p1 + s.unsqueeze(1) * d1;
    }

    /// <summary>
    /// Surface points [B, N, 3] of the target patches: <paramref name="targetTokens"/> [B, N, channels·patch²] (noisy
    /// RGB-D, then rays) and the network's <paramref name="output"/> [B, N, 4·patch²], whose fourth channel is encoded depth.
    /// </summary>
    public Tensor SurfacePoints(Tensor targetTokens, Tensor output, int channels, int patch)
    {
        long b = targetTokens.shape[0], n = targetTokens.shape[1], pixels = patch * patch;
        Tensor centre = CameraCentres(targetTokens, channels, FrameModelConfig.OutputChannels);
        Tensor directions = targetTokens.view([b, n, channels, pixels]).narrow(2, FrameModelConfig.OutputChannels, 3).mean(3);
        Tensor unit = directions / (directions * directions).sum(2, keepdim: true).sqrt();
        // The symmetric frustum's axis is the mean of all its rays; depth is measured along it.
        Tensor axis = directions.mean(1, keepdim: true);
        axis = axis / (axis * axis).sum(2, keepdim: true).sqrt();
        Tensor encoded;
        using (no_grad()) encoded = output.narrow(2, 3 * pixels, pixels).mean(2).clamp(max: 0.999);
        Tensor metres = ((1.0 - encoded) * 0.5).log() * -DepthScale;
        Tensor along = metres / (unit * axis).sum(2).clamp(min: 0.1) / PositionScale;
        return centre.unsqueeze(1) + along.unsqueeze(2) * unit;
    }

    private static Tensor Cross(Tensor a, Tensor b)
    {
        Tensor ax = a.select(1, 0), ay = a.select(1, 1), az = a.select(1, 2), bx = b.select(1, 0), by = b.select(1, 1), bz = b.select(1, 2);
        return stack([ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx], 1);
    }
}
