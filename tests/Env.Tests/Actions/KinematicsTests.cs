using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Tests.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Actions;

public class KinematicsTests
{
    // The test room's floor spans x, z in [1, 10) metres.
    private static readonly World Room = RenderTestWorlds.Room(props: [RenderTestWorlds.Box(0, new Vector3(5f, 0.5f, 3f), new Vector3(0.5f), RenderTestWorlds.RedMat)]);

    [Test]
    public void MoveGround_OpenFloor_MovesAlongHeading()
    {
        var r = Kinematics.MoveGround(Room, new Vector3(5, 1.25f, 7), 0f, new BodyMotion(0.25f, 0, 0, 0, 0, 0, false), 0.2f, out float yaw);
        Assert.That(r.Collided, Is.False);
        Assert.That(r.Pose.Position.Z, Is.EqualTo(6.75f).Within(1e-5f), "yaw 0 walks along -z");
        Assert.That(r.Distance, Is.EqualTo(0.25f).Within(1e-5f));
        Assert.That(yaw, Is.EqualTo(0f));
    }

    [Test]
    public void MoveGround_IntoWall_StopsAtRadiusAndReportsCollision()
    {
        // Facing -x toward the wall at x = 1 from x = 1.5; radius 0.2 allows reaching x = 1.2.
        var r = Kinematics.MoveGround(Room, new Vector3(1.5f, 1.25f, 5), MathF.PI / 2, new BodyMotion(1f, 0, 0, 0, 0, 0, false), 0.2f, out _);
        Assert.That(r.Collided, Is.True);
        Assert.That(r.Pose.Position.X, Is.GreaterThanOrEqualTo(1.2f - 1e-4f));
        Assert.That(r.Pose.Position.X, Is.LessThan(1.26f));
    }

    [Test]
    public void MoveGround_DiagonalIntoWall_SlidesAlongIt()
    {
        // Heading 45 degrees between -z and -x near the x = 1 wall: x is blocked, z keeps going.
        var r = Kinematics.MoveGround(Room, new Vector3(1.25f, 1.25f, 5), MathF.PI / 4, new BodyMotion(1f, 0, 0, 0, 0, 0, false), 0.2f, out _);
        Assert.That(r.Collided, Is.True);
        Assert.That(r.Pose.Position.Z, Is.LessThan(4.5f), "slid along the wall");
        Assert.That(r.Pose.Position.X, Is.GreaterThanOrEqualTo(1.2f - 1e-4f));
    }

    [Test]
    public void MoveGround_IntoFurniture_NeverPassesThrough()
    {
        // The box spans x in [4.5, 5.5], z in [2.5, 3.5]; walk straight at it from z = 5 with many small steps.
        var pos = new Vector3(5f, 1.25f, 5f);
        for (int i = 0; i < 40; i++)
        {
            var r = Kinematics.MoveGround(Room, pos, 0f, new BodyMotion(0.25f, 0, 0, 0, 0, 0, false), 0.2f, out _);
            pos = r.Pose.Position;
            Assert.That(Room.Navigation.IsFree(new Vector2(pos.X, pos.Z), 0.2f), Is.True);
        }
        Assert.That(pos.Z, Is.GreaterThanOrEqualTo(3.7f - 1e-4f));
    }

    [Test]
    public void MoveFree_ThroughCeiling_ClampedInsideRoom()
    {
        var start = Pose.FromYawPitchRoll(5, 2.5f, 5, 0);
        var r = Kinematics.MoveFree(Room, start, new BodyMotion(0, 0, 2f, 0, 0, 0, false), 0.2f);
        Assert.That(r.Collided, Is.True);
        Assert.That(r.Pose.Position.Y, Is.LessThanOrEqualTo(RenderTestWorlds.Ceiling - 0.2f + 1e-4f));
    }

    [Test]
    public void MoveFree_OverLowFurniture_FliesAbove()
    {
        var start = Pose.FromYawPitchRoll(5, 2f, 5, 0);
        var r = Kinematics.MoveFree(Room, start, new BodyMotion(3f, 0, 0, 0, 0, 0, false), 0.2f);
        Assert.That(r.Collided, Is.False, "the box top is at 1 m; the drone flies at 2 m");
        Assert.That(r.Pose.Position.Z, Is.EqualTo(2f).Within(1e-4f));
    }

    [TestCase(0f, 0f)]
    [TestCase(7f, 7f - 2 * MathF.PI)]
    [TestCase(-4f, -4f + 2 * MathF.PI)]
    public void WrapAngle_Values_IntoMinusPiPi(float a, float expected) =>
        Assert.That(Kinematics.WrapAngle(a), Is.EqualTo(expected).Within(1e-5f));
}
