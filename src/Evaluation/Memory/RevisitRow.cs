namespace RtfmGym.Evaluation.Memory;

/// <summary>One gap of the revisit measurement with one memory.</summary>
/// <param name="Gap">Steps between the first visit and the return.</param>
/// <param name="Memory">"fov-coverage" (the default spatial memory) or "sliding-window" (the baseline).</param>
/// <param name="PsnrVsFirstVisit">PSNR of the return frame against the first-visit frame, dB; +infinity when identical.</param>
/// <param name="PsnrVsTruth">PSNR of the return frame against the ground truth at the pose, dB; +infinity when identical.</param>
/// <param name="GmrVsTruth">Gradient magnitude ratio of the return frame against the ground truth (blur &lt; 1): a world that is the same blur everywhere is consistent, and this says so.</param>
/// <param name="ContextSteps">Steps at which the entries retrieved for the return frame were stored, counted from the first visit (0; negative: on the walk to it), best first.</param>
/// <param name="TurnaroundStep">Step where the walk turned back.</param>
/// <param name="FarthestMetres">Largest straight-line distance from the pose along the loop, metres.</param>
public sealed record RevisitRow(int Gap, string Memory, double PsnrVsFirstVisit, double PsnrVsTruth, double GmrVsTruth, IReadOnlyList<int> ContextSteps, int TurnaroundStep, float FarthestMetres)
{
    /// <summary>Steps from the oldest retrieved entry's storing to the return: the gap less the earliest of <see cref="ContextSteps"/>; null when nothing was retrieved.</summary>
    public int? OldestContextAge => ContextSteps.Count == 0 ? null : Gap - ContextSteps.Min();
}
