using RtfmGym.Env.Imaging;
using RtfmGym.Model.Training;

namespace RtfmGym.Model.Evaluation;

/// <summary>
/// One row of the novel-view fidelity table: the mean over <paramref name="Samples"/> held-out samples
/// of PSNR (decibels, each sample capped at <see cref="ModelEvaluator.PsnrCap"/>) and SSIM (mean over RGB
/// channels, see <see cref="ImageMetrics"/>) of the model's frame and of the nearest-frame copy
/// (<see cref="NearestFrame"/>) against the ground truth.
/// </summary>
/// <param name="Kind">Interpolation, extrapolation, or trajectory (context = the last <paramref name="Views"/> frames of a walk: the sliding window).</param>
/// <param name="Views">Context frames given to the model.</param>
/// <param name="Samples">Samples averaged.</param>
/// <param name="ModelPsnr">Mean PSNR of the generated frame, dB.</param>
/// <param name="ModelSsim">Mean SSIM of the generated frame.</param>
/// <param name="NearestPsnr">Mean PSNR of the nearest context frame, dB.</param>
/// <param name="NearestSsim">Mean SSIM of the nearest context frame.</param>
public sealed record FidelityCell(SampleKind Kind, int Views, int Samples, double ModelPsnr, double ModelSsim, double NearestPsnr, double NearestSsim);
