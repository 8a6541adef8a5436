namespace RtfmGym.Evaluation.Model;

/// <summary>
/// A walk out along the drift path and back along the same poses, every frame generated and fed into the
/// memory: on the way back the memory holds the frames drawn on the way out, so the return frames show
/// whether the learned world stays the same (against the outbound frames) and stays right (against the
/// ground truth). Means over the poses visited both ways, the ground-truth start excluded; PSNR in dB.
/// </summary>
/// <param name="WorldSeed">The held-out world walked (the drift's).</param>
/// <param name="OutboundSteps">Steps out; the walk back takes as many.</param>
/// <param name="OutboundPsnr">Mean PSNR of the outbound frames against the ground truth.</param>
/// <param name="ReturnPsnr">Mean PSNR of the return frames against the ground truth.</param>
/// <param name="ReturnVsOutboundPsnr">Mean PSNR of each return frame against the outbound frame at the same pose (consistency).</param>
/// <param name="OutboundGmr">Mean GMR of the outbound frames.</param>
/// <param name="ReturnGmr">Mean GMR of the return frames.</param>
/// <param name="ReturnGapDb">Outbound PSNR minus return PSNR (against the ground truth): how much worse the world is on the way back.</param>
public sealed record OutAndBackResult(ulong WorldSeed, int OutboundSteps, double OutboundPsnr, double ReturnPsnr, double ReturnVsOutboundPsnr,
    double OutboundGmr, double ReturnGmr, double ReturnGapDb);
