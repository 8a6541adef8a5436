using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// What the copy path read for each target patch (<see cref="ContextPointer.Read"/>), with the queries and keys it
/// read by, so that training can supervise where it looked as well as what it saw.
/// </summary>
/// <param name="Colour">The colours read, [B, N, 3·patch²] in token layout.</param>
/// <param name="Queries">The target patches' queries, [B, 1, N, key width].</param>
/// <param name="Keys">The context windows' keys, [B, 1, M, key width]: each sample's views one after another.</param>
internal sealed record PointerReading(Tensor Colour, Tensor Queries, Tensor Keys)
{
    /// <summary>
    /// The log of the attention each target patch pays to each context window, [B, N, M]: the same weights the
    /// reading was made with (scaled dot products, softmax over the M windows).
    /// </summary>
    public Tensor LogAttention()
    {
        double scale = 1.0 / Math.Sqrt(Queries.shape[3]);
        return nn.functional.log_softmax(Queries.matmul(Keys.transpose(2, 3)) * scale, 3).squeeze(1);
    }
}
