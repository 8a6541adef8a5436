using RtfmGym.Torch;

namespace RtfmGym.Model.Training;

/// <summary>
/// One batch's loss and its parts, as training logs them (loss.csv). <see cref="Total"/> is what is minimised; the rest
/// are scalar tensors kept for the log, unweighted by noise level so that they read the same under any weighting.
/// </summary>
/// <param name="Total">The training loss (level-weighted squared error plus the copy path's weighted losses).</param>
/// <param name="Colour">Mean squared error of the x₀ estimate's colour channels (values in [−1, 1]).</param>
/// <param name="Depth">Mean squared error of its encoded depth channel.</param>
/// <param name="DepthAtPureNoise">That depth error over the samples at noise level 1 only, the level the one-step sampler draws
/// every frame from; null when the batch has none.</param>
/// <param name="Reading">The copy path's own loss (its reading against the target colour), before its weight; null without the path.</param>
/// <param name="Correspondence">The copy path's correspondence loss in nats, before its weight; null when not computed.</param>
internal sealed record LossTerms(Tensor Total, Tensor Colour, Tensor Depth, Tensor? DepthAtPureNoise, Tensor? Reading, Tensor? Correspondence)
{
    /// <summary>loss.csv's header for these terms, after step, loss, learning rate and seconds.</summary>
    public const string CsvColumns = "colour,depth,depth_pure_noise,reading,correspondence";

    /// <summary>The terms as loss.csv cells (an empty cell for a term not computed), in <see cref="CsvColumns"/>' order.</summary>
    public string[] CsvCells() => [Cell(Colour), Cell(Depth), Cell(DepthAtPureNoise), Cell(Reading), Cell(Correspondence)];

    private static string Cell(Tensor? t) => t is null ? "" : t.item<float>().ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
