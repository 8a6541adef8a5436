using System.Numerics;
using NUnit.Framework;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;
using static RtfmGym.Env.Tests.Rendering.RenderTestSupport;

namespace RtfmGym.Env.Tests.Rendering;

/// <summary>Depth and object ids against analytic answers in the hand-built test room.</summary>
public class GroundTruthRendererGeometryTests
{
    [Test]
    public void Render_WallStraightAhead_DepthEqualsDistanceAcrossImage()
    {
        // The wall face at z = 1 is 2.5 m ahead; a plane facing the camera has the same depth at every pixel.
        World world = RenderTestWorlds.Room();
        Frame f = Render(world, Pose.FromYawPitchRoll(5.5f, 1.5f, 3.5f, 0));
        Assert.That(f.Depth![32 * 64 + 32], Is.EqualTo(2.5f).Within(0.01f));
        Assert.That(f.Depth![20 * 64 + 10], Is.EqualTo(2.5f).Within(0.01f));
        Assert.That(f.Depth![44 * 64 + 55], Is.EqualTo(2.5f).Within(0.01f));
    }

    [TestCase(0.3f)]
    [TestCase(-0.5f)]
    public void Render_WallAtAnAngle_DepthMatchesRayPlaneIntersection(float yaw)
    {
        World world = RenderTestWorlds.Room();
        Pose pose = Pose.FromYawPitchRoll(5.5f, 1.5f, 3.5f, yaw);
        Frame f = Render(world, pose);
        CameraIntrinsics cam = Camera();
        foreach (var (u, v) in new[] { (10, 32), (32, 32), (45, 36), (32, 28) })
        {
            Vector3 d = Vector3.Transform(cam.RayDirection(u + 0.5f, v + 0.5f), pose.Orientation);
            float expected = (RenderTestWorlds.MinCoord - 3.5f) / d.Z;
            Vector3 onWall = pose.Position + expected * d;
            Assert.That(onWall.X is > RenderTestWorlds.MinCoord and < RenderTestWorlds.MaxCoord && onWall.Y is > 0 and < RenderTestWorlds.Ceiling, $"pixel ({u}, {v}) must see the z = 1 wall");
            Assert.That(f.Depth![v * 64 + u], Is.EqualTo(expected).Within(0.01f), $"pixel ({u}, {v})");
        }
    }

    [TestCase(63)]
    [TestCase(56)]
    public void Render_FloorBelowHorizon_DepthIsCameraHeightOverRaySlope(int row)
    {
        World world = RenderTestWorlds.Room();
        Frame f = Render(world, Pose.FromYawPitchRoll(5.5f, 1.5f, 5.5f, 0));
        float slope = (row + 0.5f - 32f) / 32f;
        Assert.That(f.Depth![row * 64 + 20], Is.EqualTo(1.5f / slope).Within(0.01f));
    }

    [Test]
    public void Render_LookingOutOfTheWorld_NothingHitGivesInfinityAndNoId()
    {
        // A camera above the open-topped grid sees nothing when it looks up into empty space.
        World world = RenderTestWorlds.Room();
        Frame f = Render(world, Pose.FromYawPitchRoll(5.5f, 10f, 5.5f, 0, MathF.PI / 2));
        Assert.That(float.IsPositiveInfinity(f.Depth![32 * 64 + 32]), Is.True);
        Assert.That(f.ObjectIds![32 * 64 + 32], Is.EqualTo(-1));
    }

    [Test]
    public void Render_ObjectIds_IdentifyWallFloorCeilingAndProp()
    {
        var props = new[] { RenderTestWorlds.Box(0, new Vector3(5.5f, 1.5f, 1.6f), new Vector3(0.3f), RenderTestWorlds.RedMat) };
        World world = RenderTestWorlds.Room(props: props);
        Frame f = Render(world, Pose.FromYawPitchRoll(5.5f, 1.5f, 5.5f, 0));
        Assert.Multiple(() =>
        {
            Assert.That(f.ObjectIds![32 * 64 + 32], Is.EqualTo(world.PropObjectId(0)), "prop at the centre");
            Assert.That(f.ObjectIds![32 * 64 + 8], Is.EqualTo(World.WallObjectId(0)), "wall left of it");
            Assert.That(f.ObjectIds![63 * 64 + 32], Is.EqualTo(World.FloorObjectId(0)), "floor at the bottom");
            Assert.That(f.ObjectIds![0 * 64 + 32], Is.EqualTo(World.CeilingObjectId(0)), "ceiling at the top");
            Assert.That(world.Objects[f.ObjectIds![32 * 64 + 32]].Kind, Is.EqualTo(WorldObjectKind.Prop));
        });
    }

    [TestCase(PropShape.Box)]
    [TestCase(PropShape.Cylinder)]
    [TestCase(PropShape.Sphere)]
    public void Render_PropAhead_DepthIsDistanceToItsNearSide(PropShape shape)
    {
        // Each shape's nearest point on the optical axis is 0.4 m in front of its centre.
        var prop = new Prop(0, shape, new Vector3(5.5f, 1.5f, 3f), new Vector3(0.4f), RenderTestWorlds.RedMat, 0);
        World world = RenderTestWorlds.Room(props: [prop]);
        Frame f = Render(world, Pose.FromYawPitchRoll(5.5f, 1.5f, 5.5f, 0), size: 65);
        Assert.That(f.Depth![32 * 65 + 32], Is.EqualTo(2.1f).Within(0.01f));
        Assert.That(f.ObjectIds![32 * 65 + 32], Is.EqualTo(world.PropObjectId(0)));
    }
}
