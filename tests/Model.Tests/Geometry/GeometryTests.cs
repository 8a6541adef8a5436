using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Model.Geometry;

namespace RtfmGym.Model.Tests.Geometry;

public class GeometryTests
{
    private static readonly CameraIntrinsics Camera = CameraIntrinsics.FromVerticalFov(16, 16, MathF.PI / 2);

    [Test]
    public void Write_AnyPose_DirectionsUnitAndMomentsOrthogonal()
    {
        var pose = Pose.FromYawPitchRoll(1.5f, 1.2f, -2f, 0.7f, 0.1f);
        var layout = new TokenLayout(16, 16, 8, 6);
        var rays = new float[layout.Length];
        PluckerRays.Write(pose, Camera, 4f, 8, rays, 6, 0);
        for (int v = 0; v < 16; v += 3)
        {
            for (int u = 0; u < 16; u += 5)
            {
                var d = new Vector3(rays[layout.Index(u, v, 0)], rays[layout.Index(u, v, 1)], rays[layout.Index(u, v, 2)]);
                var m = new Vector3(rays[layout.Index(u, v, 3)], rays[layout.Index(u, v, 4)], rays[layout.Index(u, v, 5)]);
                Assert.That(d.Length(), Is.EqualTo(1f).Within(1e-5f));
                Assert.That(Vector3.Dot(d, m), Is.EqualTo(0f).Within(1e-5f));
                Assert.That(m, Is.EqualTo(Vector3.Cross(pose.Position / 4f, d)));
            }
        }
    }

    [Test]
    public void Write_CentrePixels_LookAlongPoseForward()
    {
        var pose = Pose.FromYawPitchRoll(0, 1, 0, 1.1f);
        var layout = new TokenLayout(16, 16, 8, 6);
        var rays = new float[layout.Length];
        PluckerRays.Write(pose, Camera, 4f, 8, rays, 6, 0);
        // The four pixels around the image centre average to the optical axis.
        Vector3 sum = Vector3.Zero;
        foreach (var (u, v) in new[] { (7, 7), (8, 7), (7, 8), (8, 8) })
            sum += new Vector3(rays[layout.Index(u, v, 0)], rays[layout.Index(u, v, 1)], rays[layout.Index(u, v, 2)]);
        Assert.That(Vector3.Distance(Vector3.Normalize(sum), pose.Forward), Is.LessThan(1e-5f));
    }

    [Test]
    public void Index_EveryPixelAndChannel_DistinctAndInRange()
    {
        var layout = new TokenLayout(24, 16, 8, 3);
        var seen = new HashSet<int>();
        for (int v = 0; v < 16; v++)
            for (int u = 0; u < 24; u++)
                for (int c = 0; c < 3; c++)
                    Assert.That(seen.Add(layout.Index(u, v, c)), Is.True);
        Assert.That(seen.Min(), Is.EqualTo(0));
        Assert.That(seen.Max(), Is.EqualTo(layout.Length - 1));
        Assert.That(layout.Tokens, Is.EqualTo(6));
    }

    [TestCase(0.01f)]
    [TestCase(0.5f)]
    [TestCase(2.5f)]
    [TestCase(9f)]
    public void DecodeDepth_OfEncoded_GivesMetresBack(float metres) =>
        Assert.That(FrameEncoding.DecodeDepth(FrameEncoding.EncodeDepth(metres, 2.5f), 2.5f), Is.EqualTo(metres).Within(metres * 1e-3f + 1e-4f));

    [Test]
    public void EncodeDepth_Infinity_IsFarEnd() => Assert.That(FrameEncoding.EncodeDepth(float.PositiveInfinity, 2.5f), Is.EqualTo(1f));

    [TestCase((byte)0)]
    [TestCase((byte)77)]
    [TestCase((byte)255)]
    public void DecodeColour_OfEncoded_SameByte(byte b) => Assert.That(FrameEncoding.DecodeColour(FrameEncoding.EncodeColour(b)), Is.EqualTo(b));

    [Test]
    public void Apply_Rotation_KeepsHeightAndTurnsHeading()
    {
        var motion = new RigidMotion(MathF.PI / 2, new Vector3(1, 0, 2));
        Pose moved = motion.Apply(Pose.FromYawPitchRoll(1, 1.25f, 0, 0));
        Assert.That(moved.Position.Y, Is.EqualTo(1.25f).Within(1e-6f));
        Assert.That(moved.Yaw, Is.EqualTo(MathF.PI / 2).Within(1e-5f));
        Assert.That(Vector3.Distance(moved.Position, new Vector3(1, 1.25f, 1)), Is.LessThan(1e-5f), "(1,0) turned a quarter left is (0,-1), then moved by (1,2)");
    }
}
