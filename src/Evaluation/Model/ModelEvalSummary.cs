using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// The headline figures of an evaluation, for scripts (the <c>summary</c> object of <c>model eval --json</c>).
/// "interp4" is interpolation with 4 context views, "traj4" the trajectory with the last 4 frames, "extrap4"
/// extrapolation with 4 views, "copy" the copy kind with the target's own view as the only context. PSNR in
/// dB. The oracle figures are the copy oracle's (<see cref="PatchCopyOracle"/>), the ceiling of a right reading. The drift's mean lag is in steps (<see cref="DriftResult.MeanLagSteps"/>), for the rollout and for its ground-truth-memory reference; its mean PSNR is the rollout's against the truth; the drift_capture figures are those of the same walk with the world's capture in memory (<see cref="CapturedDrift"/>), its gaps against the same reference; its depth errors are AbsRel (<see cref="RtfmGym.Imaging.DepthMetrics"/>) over all steps, at step 1, and for the reference; the trajectory row's depth error is given beside the nearest frame's depth taken as is. A figure whose row or rollout was not run is null.
/// </summary>
public sealed record ModelEvalSummary(
    double? CopyPsnr, double? Interp4Psnr, double? Interp4Ssim, double? Interp4Gmr, double? Interp4FineR2, double? Interp4SeamRatio,
    double? Traj4Psnr, double? Extrap4Psnr, double? Extrap4Gmr,
    double? DriftMeanGapDb, double? DriftMaxGapDb, int? DriftCollapsedFrames, double? OutAndBackReturnGapDb, double? DriftMeanLagSteps,
    double? Interp4OraclePsnr, double? Traj4OraclePsnr, double? DriftMeanPsnr, double? DriftReferenceLagSteps,
    double? DriftDepthAbsRel, double? DriftStep1DepthAbsRel, double? DriftReferenceDepthAbsRel,
    double? Traj4DepthAbsRel, double? Traj4NearestDepthAbsRel,
    double? DriftCaptureMeanPsnr = null, double? DriftCaptureMeanGapDb = null, double? DriftCaptureMaxGapDb = null, int? DriftCaptureCollapsedFrames = null,
    double? DriftCaptureMeanGmr = null, int? DriftCaptureViews = null)
{
    /// <summary>Collects the summary from an evaluation's rows and rollouts.</summary>
    public static ModelEvalSummary From(IReadOnlyList<FidelityCell> cells, DriftResult? drift, OutAndBackResult? outAndBack, CapturedDrift? captured = null)
    {
        FidelityCell? Cell(SampleKind kind, int views) => cells.FirstOrDefault(c => c.Kind == kind && c.Views == views);
        FidelityCell? copy = Cell(SampleKind.Copy, 1), interp = Cell(SampleKind.Interpolation, 4), traj = Cell(SampleKind.Trajectory, 4), extrap = Cell(SampleKind.Extrapolation, 4);
        return new ModelEvalSummary(copy?.ModelPsnr, interp?.ModelPsnr, interp?.ModelSsim, interp?.ModelGmr, interp?.ModelFineR2, interp?.ModelSeamRatio,
            traj?.ModelPsnr, extrap?.ModelPsnr, extrap?.ModelGmr,
            drift?.MeanGapDb, drift?.MaxGapDb, drift?.CollapsedFrames, outAndBack?.ReturnGapDb, drift?.MeanLagSteps,
            interp?.OraclePsnr, traj?.OraclePsnr, drift?.MeanPsnr, drift?.ReferenceMeanLagSteps,
            drift?.MeanDepthAbsRel, drift?.FirstStepDepthAbsRel, drift?.ReferenceMeanDepthAbsRel,
            traj?.ModelDepthAbsRel, traj?.NearestDepthAbsRel,
            captured?.Drift.MeanPsnr, captured?.Drift.MeanGapDb, captured?.Drift.MaxGapDb, captured?.Drift.CollapsedFrames, captured?.Drift.MeanGmr, captured?.Views);
    }
}
