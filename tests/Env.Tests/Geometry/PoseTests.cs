using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Tests.Geometry;

public class PoseTests
{
    [Test]
    public void Forward_YawZero_LooksAlongMinusZ()
    {
        var p = Pose.FromYawPitchRoll(0, 0, 0, 0);
        Assert.That(Vector3.Distance(p.Forward, -Vector3.UnitZ), Is.LessThan(1e-6f));
        Assert.That(Vector3.Distance(p.Right, Vector3.UnitX), Is.LessThan(1e-6f));
    }

    [Test]
    public void Forward_YawPlus90_TurnsLeftToMinusX()
    {
        var p = Pose.FromYawPitchRoll(0, 0, 0, MathF.PI / 2);
        Assert.That(Vector3.Distance(p.Forward, -Vector3.UnitX), Is.LessThan(1e-6f));
        Assert.That(p.Yaw, Is.EqualTo(MathF.PI / 2).Within(1e-5f));
    }

    [Test]
    public void Compose_WithInverse_GivesIdentity()
    {
        var p = Pose.FromYawPitchRoll(1, 2, 3, 0.7f, 0.2f, -0.1f);
        Pose q = p.Compose(p.Inverse());
        Assert.That(q.Position.Length(), Is.LessThan(1e-5f));
        Assert.That(q.AngleTo(Pose.Identity), Is.LessThan(1e-3f));
    }

    [Test]
    public void TransformPoint_ThenInverse_RoundTrips()
    {
        var p = Pose.FromYawPitchRoll(1, 2, 3, 0.7f, 0.2f);
        var local = new Vector3(0.3f, -0.2f, -4f);
        Assert.That(Vector3.Distance(p.InverseTransformPoint(p.TransformPoint(local)), local), Is.LessThan(1e-5f));
    }

    [Test]
    public void FromArray_ToArray_RoundTrips()
    {
        var p = Pose.FromYawPitchRoll(1, 2, 3, 0.7f);
        Assert.That(Pose.FromArray(p.ToArray()), Is.EqualTo(p));
    }

    [TestCase(6)]
    [TestCase(8)]
    public void FromArray_WrongLength_Throws(int n) => Assert.Throws<ArgumentException>(() => Pose.FromArray(new float[n]));

    [Test]
    public void Intrinsics_FromVerticalFov_ProjectsCentreAndEdge()
    {
        var k = CameraIntrinsics.FromVerticalFov(64, 64, MathF.PI / 2);
        Assert.That(k.Fy, Is.EqualTo(32f).Within(1e-4f));
        Assert.That(k.Project(new Vector3(0, 0, -2), out float u, out float v), Is.True);
        Assert.That((u, v), Is.EqualTo((32f, 32f)));
        k.Project(new Vector3(0, 2, -2), out _, out v);
        Assert.That(v, Is.EqualTo(0f).Within(1e-4f), "45 degrees up is the top edge at 90 degrees vertical field of view");
        Assert.That(k.Project(new Vector3(0, 0, 1), out _, out _), Is.False);
    }

    [TestCase(8, 64)]
    [TestCase(64, 2000)]
    public void Intrinsics_SizeOutOfRange_Throws(int w, int h) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraIntrinsics.FromVerticalFov(w, h, 1f));
}
