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
    private readonly nn.Linear? _rotaryQuery, _rotaryKey;
    private readonly int _heads, _width, _rotaryDims;

    /// <param name="width">Token width.</param>
    /// <param name="heads">Attention heads; they divide the width.</param>
    /// <param name="mlpRatio">MLP hidden width ÷ token width.</param>
    /// <param name="rayRopeFrequencies">Frequencies of the ray-direction rotary attention (<see cref="RayRotary"/>); 0 for none.</param>
    /// <param name="generator">Initialisation randomness.</param>
    public FrameBlock(int width, int heads, int mlpRatio, int rayRopeFrequencies, Generator generator)
    {
        (_width, _heads) = (width, heads);
        _qkv = register_module("qkv", new nn.Linear(width, 3 * width, generator: generator));
        if (rayRopeFrequencies > 0)
        {
            // Two angles (azimuth, elevation) per frequency, each rotating one pair of dimensions per head.
            _rotaryDims = 4 * rayRopeFrequencies;
            _rotaryQuery = register_module("rotary_query", new nn.Linear(width, heads * _rotaryDims, generator: generator));
            _rotaryKey = register_module("rotary_key", new nn.Linear(width, heads * _rotaryDims, generator: generator));
            using (no_grad())
            {
                nn.init.uniform_(_rotaryQuery.weight, 0, 0);
                nn.init.uniform_(_rotaryQuery.bias!, 0, 0);
            }
        }
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
    /// Returns this block's keys [F, heads, N, width/heads plus the rotary dimensions], values [F, heads, N, width/heads] and, when <paramref name="needOutput"/>,
    /// the updated tokens (null otherwise: the last block's context output is never used).
    /// </summary>
    /// <param name="h">[F, N, width] tokens.</param>
    /// <param name="cond">[1 or F, width] conditioning.</param>
    /// <param name="rotary">The tokens' ray angles, or null when the network has no rotary attention.</param>
    /// <param name="needOutput">Whether the updated tokens are needed.</param>
    public (Tensor? h, Tensor k, Tensor v) Context(Tensor h, Tensor cond, RayRotary? rotary, bool needOutput)
    {
        Tensor[] mod = _ada.call(nn.functional.silu(cond)).unsqueeze(1).chunk(6, 2);
        var (q, k, v) = Project(Modulate(h, mod[0], mod[1]), rotary);
        if (!needOutput) return (null, k, v);
        return (Finish(h, nn.functional.scaled_dot_product_attention(q, k, v), mod), k, v);
    }

    /// <summary>
    /// Target stream: <paramref name="h"/> [B, N, width], <paramref name="cond"/> [B, width], and the
    /// context's keys and values for this block, as <see cref="Context"/> returns them for M context tokens per sample (null when there is no context).
    /// </summary>
    /// <param name="h">[B, N, width] tokens.</param>
    /// <param name="cond">[B, width] conditioning.</param>
    /// <param name="rotary">The tokens' ray angles, or null when the network has no rotary attention.</param>
    /// <param name="contextKeys">[B, heads, M, key width] context keys of this block, or null.</param>
    /// <param name="contextValues">[B, heads, M, width/heads] context values of this block, or null.</param>
    public Tensor Target(Tensor h, Tensor cond, RayRotary? rotary, Tensor? contextKeys, Tensor? contextValues)
    {
        Tensor[] mod = _ada.call(nn.functional.silu(cond)).unsqueeze(1).chunk(6, 2);
        var (q, k, v) = Project(Modulate(h, mod[0], mod[1]), rotary);
        if (contextKeys is not null && contextValues is not null)
        {
            k = cat([contextKeys, k], 2);
            v = cat([contextValues, v], 2);
        }
        return Finish(h, nn.functional.scaled_dot_product_attention(q, k, v), mod);
    }

    private Tensor Modulate(Tensor h, Tensor shift, Tensor scale) =>
        nn.functional.layer_norm(h, [_width]) * (scale + 1.0) + shift;

    private (Tensor q, Tensor k, Tensor v) Project(Tensor x, RayRotary? rotary)
    {
        long b = x.shape[0], n = x.shape[1], d = _width / _heads;
        Tensor qkv = _qkv.call(x).view([b, n, 3, _heads, d]).permute([2, 0, 3, 1, 4]);
        Tensor q = qkv.select(0, 0), k = qkv.select(0, 1), v = qkv.select(0, 2);
        if (_rotaryQuery is null || _rotaryKey is null || rotary is not { } angles) return (q, k, v);
        // Attention scales by 1/sqrt(key width); the content part keeps its 1/sqrt(d) by a larger query, so a
        // block whose rotary query projection is still zero computes exactly what it did without it.
        Tensor rq = angles.Rotate(_rotaryQuery.call(x).view([b, n, _heads, _rotaryDims]).permute([0, 2, 1, 3]));
        Tensor rk = angles.Rotate(_rotaryKey.call(x).view([b, n, _heads, _rotaryDims]).permute([0, 2, 1, 3]));
        return (cat([q * Math.Sqrt((d + _rotaryDims) / (double)d), rq], 3), cat([k, rk], 3), v);
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
