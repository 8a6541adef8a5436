namespace RtfmGym.Model.Evaluation;

/// <summary>The drift figures at one step of the rollout.</summary>
/// <param name="Step">Actions taken since the ground-truth first frame (1 is the first generated frame).</param>
/// <param name="Psnr">PSNR of the autoregressive frame against the ground truth, dB.</param>
/// <param name="Ssim">SSIM of the autoregressive frame against the ground truth.</param>
/// <param name="GroundTruthContextPsnr">PSNR when the memory holds ground-truth frames instead of generated ones, dB; null when not measured.</param>
public sealed record DriftPoint(int Step, double Psnr, double Ssim, double? GroundTruthContextPsnr);
