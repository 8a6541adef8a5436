using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// What the copy path read for each target patch (<see cref="ContextPointer.Read"/>), with the attention logits it
/// read by (computed only when asked for), so that training can supervise where it looked as well as what it saw.
/// </summary>
internal sealed class PointerReading
{
    private readonly Func<Tensor> _logits;

    /// <param name="colour">The colours read, [B, N, 3·patch²] in token layout.</param>
    /// <param name="logits">Computes the scaled attention logits [B, N, M] over the M windows (each sample's views one after another).</param>
    public PointerReading(Tensor colour, Func<Tensor> logits) => (Colour, _logits) = (colour, logits);

    /// <summary>The colours read, [B, N, 3·patch²] in token layout.</summary>
    public Tensor Colour { get; }

    /// <summary>The log of the attention each target patch pays to each context window, [B, N, M]: the weights the reading was made with.</summary>
    public Tensor LogAttention() => nn.functional.log_softmax(_logits(), 2);
}
