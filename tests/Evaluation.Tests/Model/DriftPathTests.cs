using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;
using RtfmGym.Evaluation.Model;
using RtfmGym.Model.Training;

namespace RtfmGym.Evaluation.Tests.Model;

public class DriftPathTests
{
    [Test]
    public void Walk_RightAngleBend_StepsOfQuarterMetreAndTurnsOfTenDegrees()
    {
        // 1 m along -z (yaw 0), then 0.5 m along -x (yaw +90 degrees: positive yaw turns left).
        IReadOnlyList<Pose> poses = DriftPath.Walk([new Vector2(0, 0), new Vector2(0, -1), new Vector2(-0.5f, -1)], 1.25f);
        Assert.That(poses, Has.Count.EqualTo(1 + 4 + 9 + 2));
        Assert.That(poses[4].Position.Z, Is.EqualTo(-1f).Within(1e-5));
        Assert.That(poses[^1].Position.X, Is.EqualTo(-0.5f).Within(1e-5));
        Assert.That(poses[^1].Yaw, Is.EqualTo(MathF.PI / 2).Within(1e-4));
        AssertAgentSteps(poses);
    }

    [Test]
    public void Build_HeldOutWorld_LongFreePathWithoutReturning()
    {
        World world = WorldGenerator.Generate(TrainingDataGenerator.WorldOptionsFor(WorldSeeds.HeldOut(2)) with { Rooms = 6 });
        IReadOnlyList<Pose> poses = DriftPath.Build(world, 1, 1.25f);
        Assert.That(poses.Count, Is.GreaterThan(100));
        AssertAgentSteps(poses);
        var positions = poses.Select(p => new Vector2(p.Position.X, p.Position.Z)).ToArray();
        Assert.That(positions.All(p => world.Navigation.IsFree(p, 0.15f)), Is.True, "every pose stands on free floor");
        // A shortest path never comes back: poses more than a metre of walk apart are more than 0.2 m apart in space.
        var moved = positions.Where((p, i) => i == 0 || Vector2.Distance(p, positions[i - 1]) > 1e-4f).ToArray();
        for (int i = 0; i < moved.Length; i++)
            for (int j = i + 5; j < moved.Length; j++)
                Assert.That(Vector2.Distance(moved[i], moved[j]), Is.GreaterThan(0.2f), $"poses {i} and {j}");
    }

    [Test]
    public void Build_SameSeed_SamePath()
    {
        World world = WorldGenerator.Generate(TrainingDataGenerator.WorldOptionsFor(WorldSeeds.HeldOut(3)));
        Assert.That(DriftPath.Build(world, 5, 1.25f), Is.EqualTo(DriftPath.Build(world, 5, 1.25f)));
    }

    private static void AssertAgentSteps(IReadOnlyList<Pose> poses)
    {
        for (int i = 1; i < poses.Count; i++)
        {
            float moved = Vector3.Distance(poses[i].Position, poses[i - 1].Position);
            float turned = poses[i].AngleTo(poses[i - 1]);
            Assert.That(moved, Is.LessThanOrEqualTo(DriftPath.StepMetres + 1e-4f), $"step {i}");
            Assert.That(turned, Is.LessThanOrEqualTo(DriftPath.TurnDegrees * MathF.PI / 180f + 1e-3f), $"step {i}");
            Assert.That(moved > 1e-5f && turned > 1e-3f, Is.False, $"step {i} moves and turns at once");
        }
    }
}
