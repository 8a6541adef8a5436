using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// Rotary angles of each token's view direction: the azimuth (about the vertical, y up) and the elevation
/// of the mean world ray direction of the token's patch, each at the frequencies 1, 2, 4, … radians per
/// radian. Rotating a query and a key pair by these angles makes their dot product a function of the
/// difference of the two tokens' directions only, so attention can prefer "the context patch that looks
/// where I look" with a kernel as sharp as the highest frequency, for any world yaw and any camera position.
/// The angles come from the Plücker ray channels already in the tokens, so nothing new crosses the API and a
/// context frame's rotated keys depend on that frame alone.
/// </summary>
internal readonly record struct RayRotary(Tensor Cos, Tensor Sin)
{
    /// <summary>
    /// Angles of <paramref name="tokens"/> [B, N, channels·patch²] (token layout: channel-major within a
    /// token) whose ray direction channels start at <paramref name="directionChannel"/>. Returns cos and sin,
    /// each [B, 1, N, 2·<paramref name="frequencies"/>] (azimuth frequencies, then elevation frequencies),
    /// ready to broadcast over heads.
    /// </summary>
    public static RayRotary FromTokens(Tensor tokens, int channels, int directionChannel, int frequencies)
    {
        long b = tokens.shape[0], n = tokens.shape[1], pixels = tokens.shape[2] / channels;
        RayRotary angles = FromDirections(tokens.view([b, n, channels, pixels]).narrow(2, directionChannel, 3).mean(3), frequencies);
        return new RayRotary(angles.Cos.unsqueeze(1), angles.Sin.unsqueeze(1));
    }

    /// <summary>
    /// Angles of directions <paramref name="d"/> [..., 3] (any length, world frame): cos and sin, each [..., 2·<paramref name="frequencies"/>]
    /// (azimuth frequencies, then elevation frequencies).
    /// </summary>
    public static RayRotary FromDirections(Tensor d, int frequencies)
    {
        int last = (int)d.shape.Length - 1;
        Tensor x = d.select(last, 0), y = d.select(last, 1), z = d.select(last, 2);
        Tensor horizontal = (x * x + z * z).sqrt() + 1e-6;
        Tensor length = (x * x + y * y + z * z).sqrt() + 1e-6;
        // The unit complex numbers e^{iθ} of both angles, raised to 2^k by repeated squaring, so no atan2 is
        // needed and the azimuth stays periodic at every frequency.
        Tensor[] cos = new Tensor[2 * frequencies], sin = new Tensor[2 * frequencies];
        (Tensor c, Tensor s)[] unit = [(z / horizontal, x / horizontal), (horizontal / length, y / length)];
        for (int axis = 0; axis < 2; axis++)
        {
            var (c, s) = unit[axis];
            for (int k = 0; k < frequencies; k++)
            {
                (cos[axis * frequencies + k], sin[axis * frequencies + k]) = (c, s);
                (c, s) = (c * c - s * s, 2.0 * c * s);
            }
        }
        return new RayRotary(stack(cos, last), stack(sin, last));
    }

    /// <summary>Rotates <paramref name="x"/> [B, heads, N, 2·angles]: its first half pairs with its second half.</summary>
    public Tensor Rotate(Tensor x)
    {
        long half = x.shape[3] / 2;
        Tensor a = x.narrow(3, 0, half), b = x.narrow(3, half, half);
        return cat([a * Cos - b * Sin, a * Sin + b * Cos], 3);
    }
}
