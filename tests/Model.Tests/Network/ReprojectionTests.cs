using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Network;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Network;

public class ReprojectionTests
{
    private static readonly FrameModelConfig Config = FrameModelConfig.Tiny with { PointerStride = 2, PointerReprojects = true };

    private static TrainingExample Example() =>
        new TrainingDataGenerator(TinyModels.Data, seed: 5).Batch(0, 1, 1, SampleKind.Interpolation)[0];

    [TestCase(0f, 1.3f, 0f, 0f)]
    [TestCase(5.5f, 1.1f, -7.25f, 2.0f)]
    [TestCase(-11f, 1.6f, 3f, -2.9f)]
    public void CameraCentres_RaysOfAPose_MeetAtItsPosition(float x, float y, float z, float yaw)
    {
        using var scope = NewDisposeScope();
        TrainingExample e = Example();
        Pose pose = Pose.FromYawPitchRoll(x, y, z, yaw, 0.05f);
        float[] tokens = ModelInputs.Context(e.ContextFrames[0], pose, e.Camera, Config);
        int n = e.Camera.Width / Config.PatchSize * (e.Camera.Height / Config.PatchSize);
        float[] centre = Reprojection.CameraCentres(tensor(tokens, [1, n, tokens.Length / n]), 9, 3).ToArray<float>();
        Vector3 expected = pose.Position / Config.PositionScale;
        Assert.That(centre, Is.EqualTo(new[] { expected.X, expected.Y, expected.Z }).Within(1e-3f));
    }

    [Test]
    public void SurfacePoints_TrueDepth_LandOnTheSurfaceAtEachPatchCentre()
    {
        using var scope = NewDisposeScope();
        TrainingExample e = Example();
        Pose pose = e.Centred.Apply(e.TargetPose);
        int p = Config.PatchSize, columns = e.Camera.Width / p, n = columns * (e.Camera.Height / p);
        Tensor clean = tensor(ModelInputs.CleanTarget(e.Target, Config), [1, n, FrameModelConfig.OutputChannels * p * p]);
        Tensor tokens = cat([clean, tensor(ModelInputs.Rays(pose, e.Camera, Config), [1, n, FrameModelConfig.RayChannels * p * p])], 2);
        float[] points = new Reprojection(Config.PositionScale, Config.DepthScale).SurfacePoints(tokens, clean, 10, p).ToArray<float>();
        var errors = new List<float>();
        for (int t = 0; t < n; t++)
        {
            int u = t % columns * p + p / 2, v = t / columns * p + p / 2;
            Vector3 truth = pose.TransformPoint(e.Camera.RayDirection(u, v) * e.Target.Depth![v * e.Camera.Width + u]);
            errors.Add(Vector3.Distance(truth, new Vector3(points[3 * t], points[3 * t + 1], points[3 * t + 2]) * Config.PositionScale));
        }
        errors.Sort();
        Assert.That(errors[n / 2], Is.LessThan(0.1f), "half the patches within 10 cm of the surface at their centre");
    }

    [TestCase(0.3f, 0f)]
    [TestCase(-0.4f, 0f)]
    [TestCase(0f, 0.25f)]
    public void KnownDepthInView_WorldPointsReadFromAMovedCamera_AreTheTargetsDepth(float forward, float right)
    {
        // Read pixel for pixel, the points a view sees give a camera moved along its own axis that depth less the move,
        // and a camera moved sideways the same depth: depth is measured along the axis.
        using var scope = NewDisposeScope();
        TrainingExample e = Example();
        Pose view = e.Centred.Apply(e.ContextPoses[0]);
        Pose moved = view with { Position = view.Position + view.Forward * forward + view.Right * right };
        int p = Config.PatchSize, n = e.Camera.Width / p * (e.Camera.Height / p), pixels = p * p;
        var reprojection = new Reprojection(Config.PositionScale, Config.DepthScale);
        Tensor context = tensor(ModelInputs.Context(e.ContextFrames[0], view, e.Camera, Config), [1, n, 9 * pixels]);
        Tensor depth = tensor(ModelInputs.ContextDepth(e.ContextFrames[0], Config), [1, n, 2 * pixels]);
        Tensor points = reprojection.WorldPoints(context, depth, 9, 3, p);
        Tensor target = cat([zeros([1, n, 4 * pixels]), tensor(ModelInputs.Rays(moved, e.Camera, Config), [1, n, 6 * pixels])], 2);
        Tensor known = points.narrow(2, 3 * pixels, pixels);
        float[] read = reprojection.KnownDepthInView(target, points.narrow(2, 0, 3 * pixels), known, 10, p).ToArray<float>();
        float[] seen = depth.view([1, n, 2, pixels]).select(2, 0).contiguous().ToArray<float>();
        var errors = new List<double>();
        for (int i = 0; i < read.Length; i++)
        {
            double metres = -Config.DepthScale * Math.Log((1 - seen[i]) / 2), expected = metres - forward;
            if (expected > 0.1 && metres < 12) errors.Add(Math.Abs(-Config.DepthScale * Math.Log((1 - read[i]) / 2) - expected));
        }
        Assert.That(errors, Has.Count.GreaterThan(read.Length / 2));
        Assert.That(errors.Max(), Is.LessThan(0.01), "metres off the moved camera's depth");
    }

    [Test]
    public void WorldPoints_UnknownDepth_GiveNothing()
    {
        using var scope = NewDisposeScope();
        TrainingExample e = Example();
        int p = Config.PatchSize, n = e.Camera.Width / p * (e.Camera.Height / p);
        Tensor context = tensor(ModelInputs.Context(e.ContextFrames[0], e.ContextPoses[0], e.Camera, Config), [1, n, 9 * p * p]);
        Tensor points = new Reprojection(Config.PositionScale, Config.DepthScale).WorldPoints(context, zeros([1, n, 2 * p * p]), 9, 3, p);
        Assert.That(points.abs().max().item<float>(), Is.EqualTo(0f));
    }

    [Test]
    public void Validate_ReprojectionWithoutCopyPath_ThrowsNamingTheFlags()
    {
        var config = FrameModelConfig.Tiny with { PointerReprojects = true };
        Assert.That(Assert.Throws<ArgumentException>(() => config.Validate())!.Message, Does.Contain("--copy-reproject").And.Contain("--copy-stride"));
    }
}
