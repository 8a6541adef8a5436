using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// One transformer block, shared by the two token streams of <see cref="FrameTransformer"/>:
/// context tokens attend only within their own frame (so a frame's keys and values depend on
/// that frame alone and can be cached when it enters memory); target tokens attend to
/// themselves and to every context frame's keys and values of this block. Pre-norm with
/// adaptive layer norm from the conditioning vector (noise level for the target, a learned
/// "clean context" vector for context), with gates initialised to zero (adaLN-Zero, DiT), so
/// an untrained block is the identity.
/// </summary>
internal sealed class FrameBlock : nn.Module
{
    private readonly nn.Linear _qkv, _proj, _fc1, _fc2, _ada;
    private readonly int _heads, _width;

    public FrameBlock(int width, int heads, int mlpRatio, Generator generator)
    {
        (_width, _heads) = (width, heads);
        _qkv = register_module("qkv", new nn.Linear(width, 3 * width, generator: generator));
        _proj = register_module("proj", new nn.Linear(width, width, generator: generator));
        _fc1 = register_module("fc1", new nn.Linear(width, mlpRatio * width, generator: generator));
        _fc2 = register_module("fc2", new nn.Linear(mlpRatio * width, width, generator: generator));
        _ada = register_module("ada", new nn.Linear(width, 6 * width, generator: generator));
        using (no_grad())
        {
            nn.init.uniform_(_ada.weight, 0, 0);
            nn.init.uniform_(_ada.bias!, 0, 0);
        }
    }

    /// <summary>
    /// Context stream: <paramref name="h"/> [F, N, width] tokens of F frames, <paramref name="cond"/> [1 or F, width].
    /// Returns this block's keys and values [F, heads, N, width/heads] and, when <paramref name="needOutput"/>,
    /// the updated tokens (null otherwise: the last block's context output is never used).
    /// </summary>
    public (Tensor? h, Tensor k, Tensor v) Context(Tensor h, Tensor cond, bool needOutput)
    {
        Tensor[] mod = _ada.call(nn.functional.silu(cond)).unsqueeze(1).chunk(6, 2);
        var (q, k, v) = Project(Modulate(h, mod[0], mod[1]));
        if (!needOutput) return (null, k, v);
        return (Finish(h, nn.functional.scaled_dot_product_attention(q, k, v), mod), k, v);
    }

    /// <summary>
    /// Target stream: <paramref name="h"/> [B, N, width], <paramref name="cond"/> [B, width], and the
    /// context's keys and values for this block [B, heads, M, width/heads] (null when there is no context).
    /// </summary>
    public Tensor Target(Tensor h, Tensor cond, Tensor? contextKeys, Tensor? contextValues)
    {
        Tensor[] mod = _ada.call(nn.functional.silu(cond)).unsqueeze(1).chunk(6, 2);
        var (q, k, v) = Project(Modulate(h, mod[0], mod[1]));
        if (contextKeys is not null && contextValues is not null)
        {
            k = cat([contextKeys, k], 2);
            v = cat([contextValues, v], 2);
        }
        return Finish(h, nn.functional.scaled_dot_product_attention(q, k, v), mod);
    }

    private Tensor Modulate(Tensor h, Tensor shift, Tensor scale) =>
        nn.functional.layer_norm(h, [_width]) * (scale + 1.0) + shift;

    private (Tensor q, Tensor k, Tensor v) Project(Tensor x)
    {
        long b = x.shape[0], n = x.shape[1];
        Tensor qkv = _qkv.call(x).view([b, n, 3, _heads, _width / _heads]).permute([2, 0, 3, 1, 4]);
        return (qkv.select(0, 0), qkv.select(0, 1), qkv.select(0, 2));
    }

    private Tensor Finish(Tensor h, Tensor attention, Tensor[] mod)
    {
        long b = h.shape[0], n = h.shape[1];
        Tensor merged = attention.permute([0, 2, 1, 3]).reshape([b, n, _width]);
        h = h + mod[2] * _proj.call(merged);
        Tensor x = Modulate(h, mod[3], mod[4]);
        return h + mod[5] * _fc2.call(nn.functional.gelu(_fc1.call(x), tanhApproximation: true));
    }
}
