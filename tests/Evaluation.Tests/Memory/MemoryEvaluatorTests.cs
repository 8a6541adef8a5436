using RtfmGym.Env.Rendering;
using RtfmGym.Env.Tests;
using RtfmGym.Evaluation.Memory;

namespace RtfmGym.Evaluation.Tests.Memory;

public class MemoryEvaluatorTests
{
    [Test]
    public void Run_GroundTruthSmallWorld_IdenticalRevisitsBothStagesAndMapWritten()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"rtfm-memeval-lib-{Guid.NewGuid():N}");
        try
        {
            var scenario = TestScenarios.Small("ground-truth", task: "free");
            var options = MemoryEvalOptions.Create(30, "4,100", timingRuns: 1) with { MapPath = Path.Combine(dir, "map.png") };
            var progress = new ProgressRecorder();
            using var frames = new GroundTruthRenderer();
            MemoryEvalReport report = MemoryEvaluator.Run(scenario, frames, options, progress);

            Assert.That(report.Frames, Is.EqualTo("ground-truth"));
            Assert.That(report.Revisits.Select(r => (r.Gap, r.Memory)), Is.EqualTo(new[] { (4, "fov-coverage"), (4, "sliding-window") }));
            // Ground-truth frames depend only on the pose: the return frame is the first visit's, bit for bit.
            Assert.That(report.Revisits.Select(r => r.PsnrVsFirstVisit), Is.All.EqualTo(double.PositiveInfinity));
            Assert.That(report.SkippedGaps.Select(s => s.Gap), Is.EqualTo(new[] { 100 }));
            Assert.That(report.Cost.Checkpoints.Select(c => c.Step), Is.EqualTo(new[] { 10, 30 }));
            Assert.That(File.ReadAllBytes(report.MapFile!)[..4], Is.EqualTo(new byte[] { 137, 80, 78, 71 }));
            IReadOnlyList<EvaluationProgress> stages = progress.LastOfEachStage;
            Assert.That(stages, Has.Count.EqualTo(2));
            Assert.That(stages.All(p => p.Done == p.Total), Is.True);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Run_Cancelled_ThrowsBeforeDrawingTheMap()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        string map = Path.Combine(Path.GetTempPath(), $"rtfm-memeval-cancel-{Guid.NewGuid():N}.png");
        using var frames = new GroundTruthRenderer();
        var options = MemoryEvalOptions.Create(20, "4") with { MapPath = map };
        Assert.That(() => MemoryEvaluator.Run(TestScenarios.Small("ground-truth", task: "free"), frames, options, cancel: cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(File.Exists(map), Is.False);
    }
}
