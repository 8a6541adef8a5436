using RtfmGym.Imaging;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// One row of the novel-view fidelity table: the mean over <paramref name="Samples"/> held-out samples
/// of PSNR (decibels, each sample capped at <see cref="ModelEvaluator.PsnrCap"/>) and SSIM (mean over RGB
/// channels, see <see cref="ImageMetrics"/>) of the model's frame and of the nearest-frame copy
/// (<see cref="NearestFrame"/>) against the ground truth, and the model frame's sharpness
/// (<see cref="SharpnessMetrics"/>: means over the samples where the figure is defined; null where it is nowhere,
/// e.g. the seam ratio of frames with nothing inside their blocks).
/// </summary>
/// <param name="Kind">Copy, interpolation, extrapolation, or trajectory (context = the last <paramref name="Views"/> frames of a walk: the sliding window).</param>
/// <param name="Views">Context frames given to the model.</param>
/// <param name="Samples">Samples averaged.</param>
/// <param name="ModelPsnr">Mean PSNR of the generated frame, dB.</param>
/// <param name="ModelSsim">Mean SSIM of the generated frame.</param>
/// <param name="NearestPsnr">Mean PSNR of the nearest context frame, dB.</param>
/// <param name="NearestSsim">Mean SSIM of the nearest context frame.</param>
/// <param name="ModelGmr">Mean gradient magnitude ratio of the generated frame against the truth (blur &lt; 1, noise &gt; 1).</param>
/// <param name="ModelFineR2">Mean fineR² of the generated frame (1 = the truth's detail inside every 8x8 block, 0 = none, below 0 = wrong detail).</param>
/// <param name="ModelSeamRatio">Mean seam ratio of the generated frame (edge strength across 8-pixel block borders ÷ inside).</param>
/// <param name="TruthSeamRatio">Mean seam ratio of the ground-truth frames, the level a faithful frame shows.</param>
/// <param name="OraclePsnr">Mean PSNR of the copy oracle (<see cref="PatchCopyOracle"/>): what a copy path that reads the right window would draw, dB.</param>
/// <param name="OracleCovered">Mean share of the target's patches some context view sees (the rest of the oracle is the nearest frame).</param>
/// <param name="ModelDepthAbsRel">Mean depth error of the generated frame (<see cref="DepthMetrics.AbsRel"/>); null for a model that draws no depth.</param>
/// <param name="NearestDepthAbsRel">Mean depth error of the nearest context frame's depth taken as is: what copying it would give.</param>
public sealed record FidelityCell(SampleKind Kind, int Views, int Samples, double ModelPsnr, double ModelSsim, double NearestPsnr, double NearestSsim,
    double? ModelGmr, double? ModelFineR2, double? ModelSeamRatio, double? TruthSeamRatio, double OraclePsnr, double OracleCovered,
    double? ModelDepthAbsRel = null, double? NearestDepthAbsRel = null);
