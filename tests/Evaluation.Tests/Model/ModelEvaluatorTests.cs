using RtfmGym.Env.Scenarios;
using RtfmGym.Evaluation.Model;
using RtfmGym.Model;
using RtfmGym.Model.Sampling;
using RtfmGym.Model.Tests;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Tests.Model;

public class ModelEvaluatorTests
{
    private FrameModel _model = null!;
    private string _dir = "";

    [OneTimeSetUp]
    public void CreateModel() => _model = TinyModels.Random(seed: 3);

    [OneTimeTearDown]
    public void DisposeModel() => _model.Dispose();

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-eval-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    // A coarse capture (2 m, 3 headings: under a hundred views) keeps the walk with it quick.
    private ModelEvalOptions Small => new()
    {
        SamplesPerCell = 2, Views = [1, 2], DriftSteps = 3, OutAndBackSteps = 3, Worlds = 2, Sampler = new SamplerSettings(2), DriftCapture = new CaptureSettings(2f, 3),
    };

    [Test]
    public void Run_TinyModel_EveryCellFiniteAndImageWritten()
    {
        string image = Path.Combine(_dir, "sub", "comparison.png");
        var progress = new ProgressRecorder();
        ModelEvalResult r = ModelEvaluator.Run(_model, Small with { ImagePath = image }, progress);

        Assert.That(r.Cells.Select(c => (c.Kind, c.Views)), Is.EqualTo(new[]
        {
            (SampleKind.Copy, 1), (SampleKind.Copy, 2), (SampleKind.Interpolation, 1), (SampleKind.Interpolation, 2), (SampleKind.Extrapolation, 1), (SampleKind.Extrapolation, 2),
            (SampleKind.Trajectory, 1), (SampleKind.Trajectory, 2),
        }));
        foreach (FidelityCell c in r.Cells)
        {
            Assert.That(c.Samples, Is.EqualTo(2));
            Assert.That(new[] { c.ModelPsnr, c.NearestPsnr }, Is.All.InRange(0.0, ModelEvaluator.PsnrCap), c.ToString());
            Assert.That(new[] { c.ModelSsim, c.NearestSsim }, Is.All.InRange(-1.0, 1.0), c.ToString());
            Assert.That(new[] { c.ModelGmr, c.TruthSeamRatio }, Is.All.GreaterThan(0.0), c.ToString());
            Assert.That(c.ModelSeamRatio ?? 1, Is.GreaterThan(0.0), c.ToString());
            Assert.That(c.ModelFineR2, Is.LessThanOrEqualTo(1.0), c.ToString());
        }
        Assert.That(r.Cells.Where(c => c.Kind == SampleKind.Copy).Select(c => c.NearestPsnr), Is.All.EqualTo(ModelEvaluator.PsnrCap),
            "a copy sample's first view is the target's own");
        Assert.That(r.Cells.Where(c => c.Kind == SampleKind.Copy).Select(c => c.OraclePsnr), Is.All.EqualTo(ModelEvaluator.PsnrCap),
            "the oracle copies each patch from the target's own view");
        Assert.That(r.Cells.Select(c => c.OracleCovered), Is.All.InRange(0.0, 1.0));
        Assert.That(r.Cells.Where(c => c.Kind == SampleKind.Interpolation).Select(c => c.OracleCovered), Is.All.GreaterThan(0.0));
        Assert.That(r.OutAndBack, Is.Not.Null);
        Assert.That(r.OutAndBack!.OutboundSteps, Is.EqualTo(3));
        Assert.That(r.OutAndBack.ReturnGapDb, Is.EqualTo(r.OutAndBack.OutboundPsnr - r.OutAndBack.ReturnPsnr).Within(1e-9));
        Assert.That(r.Summary.CopyPsnr, Is.EqualTo(r.Cells[0].ModelPsnr));
        Assert.That(r.Cells[0].NearestDepthAbsRel, Is.EqualTo(0), "the copy row's nearest frame is the target itself, depth and all");
        Assert.That(r.Cells.Select(c => c.ModelDepthAbsRel), Has.All.GreaterThan(0).And.LessThan(double.PositiveInfinity), "the model draws depth");
        Assert.That(r.Summary.Interp4Psnr, Is.Null, "no 4-view row was run");
        Assert.That(r.Summary.DriftCollapsedFrames, Is.EqualTo(r.Drift!.CollapsedFrames));
        Assert.That(r.Summary.DriftMeanGapDb, Is.EqualTo(r.Drift.PerStepGroundTruthContextPsnr!.Zip(r.Drift.PerStepPsnr, (g, m) => g - m).Average()).Within(1e-9));
        Assert.That(r.Drift, Is.Not.Null);
        Assert.That(r.Drift!.Steps, Is.EqualTo(3));
        Assert.That(r.Drift.Points.Select(p => p.Step), Is.EqualTo(new[] { 1, 3 }));
        Assert.That(r.Drift.PerStepPsnr, Has.Count.EqualTo(3));
        Assert.That(r.Drift.PerStepGroundTruthContextPsnr, Has.Count.EqualTo(3));
        Assert.That(r.Drift.MeanGroundTruthContextPsnr, Is.Not.Null);
        Assert.That(WorldSeeds.IsHeldOut(r.Drift.WorldSeed), Is.True);
        Assert.That(r.Drift.FirstStepDepthAbsRel, Is.GreaterThan(0).And.LessThan(double.PositiveInfinity), "the model draws depth, so its error is measured");
        Assert.That(r.Drift.MeanDepthAbsRel, Is.GreaterThan(0).And.LessThan(double.PositiveInfinity));
        Assert.That(r.Drift.ReferenceMeanDepthAbsRel, Is.GreaterThan(0).And.LessThan(double.PositiveInfinity));
        Assert.That(r.Summary.DriftStep1DepthAbsRel, Is.EqualTo(r.Drift.FirstStepDepthAbsRel));
        CapturedDrift captured = r.DriftCapture!;
        Assert.That((captured.SpacingMetres, captured.Headings), Is.EqualTo((2f, 3)));
        Assert.That(captured.Views, Is.GreaterThan(20).And.EqualTo(r.Summary.DriftCaptureViews));
        Assert.That(captured.Views % 3, Is.Zero, "three headings per point");
        Assert.That(captured.Drift.Steps, Is.EqualTo(3));
        Assert.That(captured.Drift.PerStepGroundTruthContextPsnr, Is.EqualTo(r.Drift.PerStepGroundTruthContextPsnr), "gaps against the same reference");
        Assert.That(captured.Drift.PerStepPsnr, Is.Not.EqualTo(r.Drift.PerStepPsnr), "the capture changes the context");
        Assert.That(r.Summary.DriftCaptureMeanPsnr, Is.EqualTo(captured.Drift.MeanPsnr));
        Assert.That(r.Summary.DriftCaptureCollapsedFrames, Is.EqualTo(captured.Drift.CollapsedFrames));
        Assert.That(File.ReadAllBytes(image)[..4], Is.EqualTo(new byte[] { 137, 80, 78, 71 }));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(image)!), Has.Length.EqualTo(1), "no temporary file left");
        // Each stage counts on its own and ends complete: 2 samples of each kind, 3 drift steps, 3 steps out and 3 back.
        IReadOnlyList<EvaluationProgress> stages = progress.LastOfEachStage;
        Assert.That(stages.Select(p => p.Stage), Is.EqualTo(new[] { "copy samples", "interpolation samples", "extrapolation samples", "trajectory samples", "drift rollout, then with a capture", "out and back" }));
        Assert.That(stages.Select(p => p.Total), Is.EqualTo(new long[] { 2, 2, 2, 2, 2 * 3, 2 * 3 }));
        Assert.That(stages.All(p => p.Done == p.Total), Is.True);
    }

    [Test]
    public void Run_WithAndWithoutTheReference_SameRollout()
    {
        var options = Small with { DriftSteps = 3, OutAndBackSteps = 0, Kinds = [SampleKind.Copy], DriftCapture = null };
        ModelEvalResult with = ModelEvaluator.Run(_model, options), without = ModelEvaluator.Run(_model, options with { DriftReference = false });
        Assert.That(without.Drift!.PerStepPsnr, Is.EqualTo(with.Drift!.PerStepPsnr));
        Assert.That(without.Drift.MeanDepthAbsRel, Is.EqualTo(with.Drift.MeanDepthAbsRel));
    }

    [Test]
    public void Run_SameSeedTwice_SameFigures()
    {
        var options = Small with { DriftSteps = 2, OutAndBackSteps = 0, Kinds = [SampleKind.Extrapolation], DriftReference = false };
        ModelEvalResult a = ModelEvaluator.Run(_model, options), b = ModelEvaluator.Run(_model, options);
        Assert.That(b.Cells, Is.EqualTo(a.Cells));
        Assert.That(b.Drift!.PerStepPsnr, Is.EqualTo(a.Drift!.PerStepPsnr));
        Assert.That(b.Drift.PerStepGroundTruthContextPsnr, Is.Null);
        Assert.That(b.Drift.MeanGapDb, Is.Null);
        Assert.That(b.Drift.ReferenceMeanDepthAbsRel, Is.Null);
        Assert.That(b.OutAndBack, Is.Null);
        Assert.That(b.DriftCapture!.Drift.PerStepPsnr, Is.EqualTo(a.DriftCapture!.Drift.PerStepPsnr));
    }

    [Test]
    public void Run_TrajectoryOneView_NearestIsTheLastFrame()
    {
        // With one view the nearest-frame copy is that view, the walk's last frame before the target:
        // consecutive walk views are close, so it beats a random copy by a margin.
        var options = Small with { Kinds = [SampleKind.Trajectory], DriftSteps = 0, OutAndBackSteps = 0, SamplesPerCell = 3 };
        FidelityCell one = ModelEvaluator.Run(_model, options).Cells[0];
        Assert.That(one.Views, Is.EqualTo(1));
        Assert.That(one.NearestPsnr, Is.GreaterThan(12));
    }

    [Test]
    public void Run_MoreViewsThanTheModelTakes_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ModelEvaluator.Run(_model, Small with { Views = [1, 16] }));
        Assert.That(e!.Message, Does.Contain("16").And.Contain("at most 8"));
    }

    [TestCase(0, 200, 60, "Samples per cell")]
    [TestCase(4, -1, 60, "Drift steps")]
    [TestCase(4, 200, 1, "Out-and-back steps")]
    [TestCase(4, 200, -3, "Out-and-back steps")]
    public void Validate_BadOption_ThrowsNamingIt(int samples, int drift, int outAndBack, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ModelEvalOptions { SamplesPerCell = samples, DriftSteps = drift, OutAndBackSteps = outAndBack }.Validate());
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void Validate_ViewsNotAscending_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelEvalOptions { Views = [4, 2] }.Validate());
    }
}
