using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Actions;

/// <summary>Ground robots and free-flying bodies differ in the action model alone: where the body starts and how it moves.</summary>
public class BodyPlacementTests
{
    private static readonly CameraSettings Camera = new() { MountHeight = 1.1f, Pitch = -0.2f };

    [TestCase(ActionKind.Discrete, null, 1.1f, -0.2f)]
    [TestCase(ActionKind.Continuous, 0.5f, 1.1f, -0.2f)]
    [TestCase(ActionKind.Free6Dof, null, 1.1f, 0f)]
    [TestCase(ActionKind.Free6Dof, 0.7f, 0.7f, 0f)]
    public void Place_EachKind_CameraAtItsHeightAndPitch(ActionKind kind, float? altitude, float height, float pitch)
    {
        var start = new FloorPose(new Vector2(2, 3), 0.5f, altitude);
        BodyState body = ActionModel.Create(new ActionSettings { Kind = kind }).Place(start, Camera);
        Assert.That(body.Camera, Is.EqualTo(Pose.FromYawPitchRoll(2, height, 3, 0.5f, pitch)));
        Assert.That(body.Heading, Is.EqualTo(0.5f));
    }

    [Test]
    public void Move_Ground_StaysAtMountHeightAndTurnsTheHeading()
    {
        World world = WorldCache.Get(new WorldOptions { Seed = 3, Rooms = 3 });
        ActionModel model = ActionModel.Create(new ActionSettings());
        var scenario = new Scenario { Name = "t", World = new WorldOptions { Seed = 3, Rooms = 3 }, Camera = Camera, Frames = "constant" };
        using var env = new RtfmEnvironment(scenario);
        env.Reset(1);
        BodyState body = new(env.Pose, FloorPose.Of(env.Pose).Yaw);
        (BodyState after, MoveResult move) = model.Move(world, body, model.Interpret((long)DiscreteAction.TurnLeft), 0.18f, Camera);
        Assert.That(after.Heading, Is.EqualTo(Kinematics.WrapAngle(body.Heading + 10 * MathF.PI / 180)).Within(1e-6f));
        Assert.That(after.Camera, Is.EqualTo(new FloorPose(FloorPose.Of(body.Camera).Position, after.Heading).ToCamera(Camera)));
        Assert.That(move.Pose, Is.EqualTo(after.Camera));
    }

    [Test]
    public void Move_FreeFlight_ClimbsAndKeepsTheStartHeading()
    {
        World world = WorldCache.Get(new WorldOptions { Seed = 3, Rooms = 3 });
        var scenario = new Scenario { Name = "t", World = new WorldOptions { Seed = 3, Rooms = 3 }, Frames = "constant", Action = new ActionSettings { Kind = ActionKind.Free6Dof } };
        using var env = new RtfmEnvironment(scenario);
        env.Reset(1);
        ActionModel model = env.Actions;
        BodyState body = new(env.Pose, 0.25f);
        (BodyState after, MoveResult move) = model.Move(world, body, new BodyMotion(0, 0, 0.1f, 0, 0, 0, false), 0.18f, scenario.Camera);
        Assert.That(after.Camera.Position.Y, Is.EqualTo(body.Camera.Position.Y + 0.1f).Within(1e-5f));
        Assert.That((after.Heading, move.Pose), Is.EqualTo((0.25f, after.Camera)));
    }
}
