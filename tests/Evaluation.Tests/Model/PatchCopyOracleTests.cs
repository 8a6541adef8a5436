using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Evaluation.Model;
using RtfmGym.Imaging;
using RtfmGym.Model.Tests;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Tests.Model;

public class PatchCopyOracleTests
{
    private static TrainingExample Rendered(Pose target, params Pose[] views) => TinyModels.Rendered(target, views);

    private static Pose Target() => TinyModels.PoseInWorld7();

    private static Pose Turned(Pose p, float radians) => new(p.Position, Quaternion.Normalize(Quaternion.CreateFromAxisAngle(Vector3.UnitY, radians) * p.Orientation));

    [Test]
    public void Draw_ViewAtTheTargetPose_IsTheTargetFullyCovered()
    {
        TrainingExample e = Rendered(Target(), Turned(Target(), MathF.PI), Target());
        var (frame, covered) = PatchCopyOracle.Draw(e);
        Assert.That(frame.Rgb, Is.EqualTo(e.Target.Rgb));
        Assert.That(covered, Is.EqualTo(1.0));
    }

    [Test]
    public void Draw_ViewTurnedAway_IsTheNearestFrameWithNothingCovered()
    {
        TrainingExample e = Rendered(Target(), Turned(Target(), MathF.PI));
        var (frame, covered) = PatchCopyOracle.Draw(e);
        Assert.That(frame.Rgb, Is.EqualTo(e.ContextFrames[0].Rgb));
        Assert.That(covered, Is.EqualTo(0.0));
    }

    [Test]
    public void Draw_ViewMovedSideways_BeatsTheNearestFrame()
    {
        Pose target = Target();
        TrainingExample e = Rendered(target, new Pose(target.Position + 0.3f * target.Right, target.Orientation));
        var (frame, covered) = PatchCopyOracle.Draw(e);
        Assert.That(covered, Is.GreaterThan(0.5));
        Assert.That(ImageMetrics.Psnr(frame, e.Target), Is.GreaterThan(ImageMetrics.Psnr(e.ContextFrames[0], e.Target)));
    }

    [Test]
    public void Draw_ContextWithoutDepth_ThrowsNamingDepth()
    {
        TrainingExample e = Rendered(Target(), Target());
        var rgbOnly = new Frame(e.ContextFrames[0].Width, e.ContextFrames[0].Height, e.ContextFrames[0].Rgb);
        Assert.That(Assert.Throws<ArgumentException>(() => PatchCopyOracle.Draw(e with { ContextFrames = [rgbOnly] }))!.Message, Does.Contain("depth"));
    }
}
