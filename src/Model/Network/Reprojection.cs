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
        Tensor axis = Axis(targetTokens, channels, FrameModelConfig.OutputChannels).unsqueeze(1);
        Tensor encoded;
        using (no_grad()) encoded = output.narrow(2, 3 * pixels, pixels).mean(2);
        Tensor along = Metres(encoded) / (unit * axis).sum(2).clamp(min: 0.1) / PositionScale;
        return centre.unsqueeze(1) + along.unsqueeze(2) * unit;
    }

    /// <summary>
    /// The world point each pixel of a frame sees, for the copy path's values: <paramref name="tokens"/> [F, N, channels·patch²]
    /// whose six ray channels start at <paramref name="directionChannel"/>, and <paramref name="depth"/> [F, N, 2·patch²] (encoded
    /// depth along the camera's axis, then its known mark). Returns [F, N, 4·patch²]: the point (x, y, z channels, in ray units)
    /// times the mark, then the mark, so a pixel of unknown depth gives nothing.
    /// </summary>
    public Tensor WorldPoints(Tensor tokens, Tensor depth, int channels, int directionChannel, int patch)
    {
        long f = tokens.shape[0], n = tokens.shape[1], pixels = patch * patch;
        Tensor rays = tokens.view([f, n, channels, pixels]).narrow(2, directionChannel, 3);
        Tensor axis = Axis(tokens, channels, directionChannel).view([f, 1, 3, 1]);
        Tensor pair = depth.view([f, n, 2, pixels]);
        Tensor mark = pair.select(2, 1);
        Tensor along = Metres(pair.select(2, 0)) / (rays * axis).sum(2).clamp(min: 0.1) / PositionScale;
        Tensor points = CameraCentres(tokens, channels, directionChannel).view([f, 1, 3, 1]) + along.unsqueeze(2) * rays;
        return cat([(points * mark.unsqueeze(2)).reshape([f, n, 3 * pixels]), mark], 2);
    }

    /// <summary>
    /// What a read of <see cref="WorldPoints"/> gives the target: <paramref name="points"/> [B, N, 3·patch²] the read Σ attention ·
    /// mark · point and <paramref name="known"/> [B, N, patch²] the read Σ attention · mark. Returns the known share times the
    /// encoded depth, along the target camera's axis, of the average point read, [B, N, patch²]: the depth a context view
    /// measured, moved into the target's camera.
    /// </summary>
    public Tensor KnownDepthInView(Tensor targetTokens, Tensor points, Tensor known, int channels, int patch)
    {
        long b = targetTokens.shape[0], n = targetTokens.shape[1], pixels = patch * patch;
        Tensor axis = Axis(targetTokens, channels, FrameModelConfig.OutputChannels);
        Tensor offset = (CameraCentres(targetTokens, channels, FrameModelConfig.OutputChannels) * axis).sum(1).view([b, 1, 1]);
        Tensor along = (points.view([b, n, 3, pixels]) * axis.view([b, 1, 3, 1])).sum(2) - known * offset;
        Tensor metres = (along / known.clamp(min: 1e-3) * PositionScale).clamp(min: 0.05);
        return known * (1.0 - 2.0 * (metres / -DepthScale).exp());
    }

    /// <summary>The camera's axis [F, 3] of frames given as tokens: the symmetric frustum's axis is the mean of all its rays, and depth is measured along it.</summary>
    private static Tensor Axis(Tensor tokens, int channels, int directionChannel)
    {
        long f = tokens.shape[0], pixels = tokens.shape[2] / channels;
        Tensor axis = tokens.view([f, tokens.shape[1], channels, pixels]).narrow(2, directionChannel, 3).mean([1, 3]);
        return axis / (axis * axis).sum(1, keepdim: true).sqrt();
    }

    /// <summary>Metres of an encoded depth (1 − 2·exp(−d / <see cref="DepthScale"/>)), kept finite near the far end.</summary>
    private Tensor Metres(Tensor encoded) => ((1.0 - encoded.clamp(max: 0.999)) * 0.5).log() * -DepthScale;

    private static Tensor Cross(Tensor a, Tensor b)
    {
        Tensor ax = a.select(1, 0), ay = a.select(1, 1), az = a.select(1, 2), bx = b.select(1, 0), by = b.select(1, 1), bz = b.select(1, 2);
        return stack([ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx], 1);
    }
}
