using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;
using RtfmGym.Evaluation.Model;
using RtfmGym.Imaging;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Tests.Model;

public class PatchCopyOracleTests
{
    private static readonly TrainingDataGenerator Data = new(new TrainingDataOptions { ImageSize = 32, PoolSize = 2, NearCopyShare = 0 }, seed: 3);
    private static readonly World World = WorldGenerator.Generate(TrainingDataGenerator.WorldOptionsFor(7));

    private static TrainingExample Rendered(Pose target, params Pose[] views)
    {
        using var renderer = new GroundTruthRenderer(new RendererOptions { Threads = 1 });
        renderer.BeginEpisode(World, 0);
        var frames = renderer.RenderBatch(views.Append(target).Select(p => new FrameRequest(p, Data.Camera, FrameChannels.Rgb | FrameChannels.Depth)).ToArray());
        return new TrainingExample(SampleKind.Interpolation, World.Seed, Data.Camera, views, frames.Take(views.Length).ToArray(), target, frames[^1], TrainingDataGenerator.CentreOf(World));
    }

    private static Pose Target() => Data.Example(World, new Rng(9), views: 1, SampleKind.Copy).TargetPose;

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
