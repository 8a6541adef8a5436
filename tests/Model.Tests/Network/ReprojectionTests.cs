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

    [Test]
    public void Validate_ReprojectionWithoutCopyPath_ThrowsNamingTheFlags()
    {
        var config = FrameModelConfig.Tiny with { PointerReprojects = true };
        Assert.That(Assert.Throws<ArgumentException>(() => config.Validate())!.Message, Does.Contain("--copy-reproject").And.Contain("--copy-stride"));
    }
}
