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

    /// <param name="values">What was read, [B, N, channels·patch²] in token layout: colour, then for a path that reads depth the
    /// depth read (each window's encoded depth times its known mark) and the known share.</param>
    /// <param name="pixels">Pixels per patch.</param>
    /// <param name="logits">Computes the scaled attention logits [B, N, M] over the M windows (each sample's views one after another).</param>
    public PointerReading(Tensor values, int pixels, Func<Tensor> logits)
    {
        (Values, _logits) = (values, logits);
        int colour = FrameModelConfig.ContextChannels * pixels;
        Colour = values.narrow(2, 0, colour);
        if (values.shape[2] > colour)
        {
            KnownDepth = values.narrow(2, colour, pixels);
            Known = values.narrow(2, colour + pixels, pixels);
        }
    }

    /// <summary>Everything read, [B, N, channels·patch²].</summary>
    public Tensor Values { get; }

    /// <summary>The colours read, [B, N, 3·patch²] in token layout.</summary>
    public Tensor Colour { get; }

    /// <summary>For a path that reads depth: Σ attention · known mark · encoded depth per pixel, [B, N, patch²]; null otherwise.</summary>
    public Tensor? KnownDepth { get; }

    /// <summary>For a path that reads depth: Σ attention · known mark, the share of the reading whose depth is known, [B, N, patch²]; null otherwise.</summary>
    public Tensor? Known { get; }

    /// <summary>The log of the attention each target patch pays to each context window, [B, N, M]: the weights the reading was made with.</summary>
    public Tensor LogAttention() => nn.functional.log_softmax(_logits(), 2);
}
