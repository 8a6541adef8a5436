using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// Noise level t in [0, 1] to a conditioning vector: sinusoids of 1000·t at geometric
/// frequencies, then a two-layer MLP (as in DiT).
/// </summary>
internal sealed class TimestepEmbedding : nn.Module<Tensor, Tensor>
{
    private const int Frequencies = 32;
    private readonly nn.Linear _fc1, _fc2;
    private readonly Tensor _freqs;

    public TimestepEmbedding(int width, Generator generator)
    {
        _fc1 = register_module("fc1", new nn.Linear(2 * Frequencies, width, generator: generator));
        _fc2 = register_module("fc2", new nn.Linear(width, width, generator: generator));
        var f = new float[Frequencies];
        for (int i = 0; i < Frequencies; i++) f[i] = 1000f * MathF.Exp(-MathF.Log(10_000f) * i / Frequencies);
        _freqs = register_buffer("freqs", tensor(f));
    }

    /// <summary><paramref name="t"/>: [B] noise levels; returns [B, width].</summary>
    public override Tensor forward(Tensor t)
    {
        Tensor args = t.unsqueeze(1) * _freqs.unsqueeze(0);
        Tensor x = cat([args.sin(), args.cos()], 1);
        return _fc2.call(nn.functional.silu(_fc1.call(x)));
    }
}
