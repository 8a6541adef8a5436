using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class PointProjectorTests
{
    [TestCase(0f, 0f, -2f)]
    [TestCase(0.5f, -0.3f, -1f)]
    [TestCase(5f, 0f, -1f)]       // beside the image
    [TestCase(0f, 0f, 2f)]        // behind the camera
    [TestCase(0f, 0f, 0f)]        // at the camera
    [TestCase(float.NaN, 0f, -1f)]
    public void TryProject_Point_AgreesWithCameraIntrinsics(float x, float y, float z)
    {
        Pose pose = At(0.4f, -1.2f, 35);
        Matrix4x4 worldToCamera = Matrix4x4.CreateTranslation(-pose.Position) * Matrix4x4.CreateFromQuaternion(Quaternion.Conjugate(pose.Orientation));
        Vector3 world = pose.TransformPoint(new Vector3(x, y, z));
        var projector = new PointProjector(worldToCamera, Camera);

        bool inside = projector.TryProject(world, out float u, out float v, out float depth);

        Vector3 local = pose.InverseTransformPoint(world);
        bool expected = Camera.Project(local, out float eu, out float ev) && eu >= 0 && eu < Camera.Width && ev >= 0 && ev < Camera.Height;
        Assert.That(inside, Is.EqualTo(expected));
        if (!expected) return;
        Assert.That(u, Is.EqualTo(eu).Within(1e-3));
        Assert.That(v, Is.EqualTo(ev).Within(1e-3));
        Assert.That(depth, Is.EqualTo(-local.Z).Within(1e-4));
    }
}
