namespace RtfmGym.Evaluation.Model;

/// <summary>The drift figures at one step of the rollout.</summary>
/// <param name="Step">Actions taken since the ground-truth first frame (1 is the first generated frame).</param>
/// <param name="Psnr">PSNR of the autoregressive frame against the ground truth, dB.</param>
/// <param name="Ssim">SSIM of the autoregressive frame against the ground truth.</param>
/// <param name="Gmr">Gradient magnitude ratio of the autoregressive frame against the ground truth (blur &lt; 1).</param>
/// <param name="GroundTruthContextPsnr">PSNR when the memory holds ground-truth frames instead of generated ones, dB; null when not measured.</param>
/// <param name="GroundTruthContextGmr">GMR of that reference frame; null when not measured.</param>
/// <param name="GapDb">How much worse feeding on its own frames makes this step: reference PSNR minus autoregressive PSNR, dB; null when not measured.</param>
public sealed record DriftPoint(int Step, double Psnr, double Ssim, double Gmr, double? GroundTruthContextPsnr, double? GroundTruthContextGmr, double? GapDb);
