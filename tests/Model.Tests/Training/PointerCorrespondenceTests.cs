using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Network;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Training;

public class PointerCorrespondenceTests
{
    private const int Patch = 8, Stride = 2, Columns = 4;

    private static readonly TrainingDataGenerator Data = new(TinyModels.Data with { NearCopyShare = 0 }, seed: 3);

    private static TrainingExample Rendered(Pose target, params Pose[] views) => TinyModels.Rendered(target, views);

    private static Pose Target() => TinyModels.PoseInWorld7();

    private static (int X, int Y) OriginOf(int window)
    {
        for (int y = 0; y <= (Columns - 1) * Patch; y += Stride)
            for (int x = 0; x <= (Columns - 1) * Patch; x += Stride)
                if (ContextPointer.WindowIndex(Patch, Stride, Columns, Columns, x, y) == window) return (x, y);
        throw new ArgumentOutOfRangeException(nameof(window));
    }

    [Test]
    public void Compute_ViewAtTheTargetPose_EachPatchReadsItsOwnWindow()
    {
        Pose target = Target();
        int[] found = PointerCorrespondence.Compute(Rendered(target, target), Patch, Stride)!;
        for (int token = 0; token < Columns * Columns; token++)
            Assert.That(found[token], Is.EqualTo(ContextPointer.WindowIndex(Patch, Stride, Columns, Columns, token % Columns * Patch, token / Columns * Patch)), $"token {token}");
    }

    [Test]
    public void Compute_ViewMovedRight_SurfaceIsSeenFurtherLeft()
    {
        Pose target = Target();
        var moved = new Pose(target.Position + 0.2f * target.Right, target.Orientation);
        int[] found = PointerCorrespondence.Compute(Rendered(target, moved), Patch, Stride)!;
        var shifts = Enumerable.Range(0, Columns * Columns).Where(t => found[t] != PointerCorrespondence.None)
            .Select(t => OriginOf(found[t]).X - t % Columns * Patch).ToArray();
        Assert.That(shifts, Has.Length.GreaterThan(Columns), "most patches stay in view");
        Assert.That(shifts, Is.All.LessThanOrEqualTo(0));
        Assert.That(shifts.Average(), Is.LessThan(-0.5));
    }

    [Test]
    public void Compute_ViewTurnedAway_SeesNothing()
    {
        Pose target = Target();
        var away = new Pose(target.Position, Quaternion.Normalize(Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI) * target.Orientation));
        int[] found = PointerCorrespondence.Compute(Rendered(target, target, away), Patch, Stride)!;
        Assert.That(Enumerable.Range(0, Columns * Columns).Select(t => found[t * 2 + 1]), Is.All.EqualTo(PointerCorrespondence.None));
        Assert.That(Enumerable.Range(0, Columns * Columns).Select(t => found[t * 2]), Is.All.Not.EqualTo(PointerCorrespondence.None));
    }

    [Test]
    public void Compute_ContextWithoutDepth_IsNull()
    {
        TrainingExample e = Rendered(Target(), Target());
        var rgbOnly = new Frame(e.ContextFrames[0].Width, e.ContextFrames[0].Height, e.ContextFrames[0].Rgb);
        Assert.That(PointerCorrespondence.Compute(e with { ContextFrames = [rgbOnly] }, Patch, Stride), Is.Null);
    }

    [TestCase(0, false)]
    [TestCase(2, true)]
    public void Build_CopyPath_CarriesCorrespondenceOfEveryPatchAndView(int stride, bool carries)
    {
        TrainingBatch batch = TrainingBatch.Build(Data.Batch(0, 3, views: 2), FrameModelConfig.Tiny with { PointerStride = stride }, augment: new Rng(1));
        if (!carries) { Assert.That(batch.Correspondence, Is.Null); return; }
        Assert.That(batch.Correspondence, Has.Length.EqualTo(3 * batch.Tokens * 2));
        Assert.That(batch.Correspondence, Has.Some.Not.EqualTo(PointerCorrespondence.None));
    }

    [Test]
    public void CorrespondenceLoss_EvenAttention_IsLogOfWindowsOverRightOnes()
    {
        using var scope = NewDisposeScope();
        TrainingBatch batch = TrainingBatch.Build(Data.Batch(0, 1, views: 2), FrameModelConfig.Tiny with { PointerStride = Stride }, augment: null);
        int windows = ContextPointer.WindowCount(Patch, Stride, Columns, Columns), m = 2 * windows;
        // Equal logits attend evenly: a patch with k right windows of m pays them k/m.
        var reading = new PointerReading(zeros([1, 16, 12]), 4, () => zeros([1, 16, m]));
        int[] correspondence = Enumerable.Repeat(PointerCorrespondence.None, 16 * 2).ToArray();
        (correspondence[0], correspondence[1]) = (5, 7);
        correspondence[2 * 3] = 0;
        double expected = (Math.Log(m / 2.0) + Math.Log(m)) / 2;
        Assert.That(FlowMatchingLoss.CorrespondenceLoss(reading, correspondence, batch, Device.CPU).item<float>(), Is.EqualTo(expected).Within(1e-4));
    }

    [Test]
    public void CorrespondenceLoss_AttentionOnTheRightWindow_NearZeroAndFarBelowAWrongOne()
    {
        using var scope = NewDisposeScope();
        TrainingBatch batch = TrainingBatch.Build(Data.Batch(0, 1, views: 1), FrameModelConfig.Tiny with { PointerStride = Stride }, augment: null);
        int m = ContextPointer.WindowCount(Patch, Stride, Columns, Columns);
        // Each patch's logits pick out window 3·token by a wide margin.
        var logits = new float[16 * m];
        for (int t = 0; t < 16; t++) logits[t * m + 3 * t] = 200;
        var reading = new PointerReading(zeros([1, 16, 12]), 4, () => tensor(logits, [1, 16, m]));
        int[] right = Enumerable.Range(0, 16).Select(t => 3 * t).ToArray(), wrong = right.Select(w => w + 1).ToArray();
        float onRight = FlowMatchingLoss.CorrespondenceLoss(reading, right, batch, Device.CPU).item<float>();
        float onWrong = FlowMatchingLoss.CorrespondenceLoss(reading, wrong, batch, Device.CPU).item<float>();
        Assert.That(onRight, Is.LessThan(1e-3));
        Assert.That(onWrong, Is.GreaterThan(10));
    }
}
