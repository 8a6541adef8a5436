using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Tests;
using RtfmGym.Evaluation.Memory;

namespace RtfmGym.Evaluation.Tests.Memory;

public class RevisitPlannerTests
{
    private static readonly Scenario Scenario = TestScenarios.Small(task: "free");
    private static readonly MotionLimits Limits = MotionLimits.For(Scenario.Action);

    /// <summary>The world and start pose of the small scenario's episode with seed 3.</summary>
    private static (RtfmGym.Env.Worlds.World World, FloorPose Start) Setup()
    {
        using var env = new RtfmEnvironment(Scenario);
        env.Reset(3);
        return (env.World, FloorPose.Of(env.Pose));
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(16)]
    [TestCase(64)]
    [TestCase(300)]
    public void Plan_AnyGap_GapStepsEndingOnStartBitForBit(int gap)
    {
        var (world, start) = Setup();
        RevisitPlan plan = RevisitPlanner.Plan(world, Scenario.AgentRadius, start, gap, Limits, new Rng(1));
        Assert.That(plan.Poses, Has.Count.EqualTo(gap + 1));
        Assert.That(plan.Gap, Is.EqualTo(gap));
        Assert.That(plan.Poses[0], Is.EqualTo(start));
        Assert.That(plan.Poses[^1], Is.EqualTo(start));
        Assert.That(plan.Poses[^1].ToCamera(Scenario.Camera), Is.EqualTo(start.ToCamera(Scenario.Camera)), "the camera pose too, bit for bit");
    }

    [Test]
    public void Plan_EveryStep_MovesOrTurnsWithinLimitsOnFreeFloor()
    {
        var (world, start) = Setup();
        RevisitPlan plan = RevisitPlanner.Plan(world, Scenario.AgentRadius, start, 400, Limits, new Rng(2));
        for (int t = 1; t < plan.Poses.Count; t++)
        {
            FloorPose a = plan.Poses[t - 1], b = plan.Poses[t];
            float move = Vector2.Distance(a.Position, b.Position), turn = MathF.Abs(Kinematics.WrapAngle(b.Yaw - a.Yaw));
            Assert.That(move, Is.LessThanOrEqualTo(Limits.ForwardStep * 1.001f), $"step {t} moves {move} m");
            Assert.That(turn, Is.LessThanOrEqualTo(Limits.TurnStep * 1.001f), $"step {t} turns {turn} rad");
            Assert.That(move == 0 || turn < 1e-5f, Is.True, $"step {t} moves and turns at once");
            Assert.That(world.Navigation.IsFree(b.Position, Scenario.AgentRadius), Is.True, $"step {t} stands in a wall at {b.Position}");
        }
    }

    [Test]
    public void Plan_LongGap_LeavesTheAreaAndComesBackByPath()
    {
        var (world, start) = Setup();
        RevisitPlan plan = RevisitPlanner.Plan(world, Scenario.AgentRadius, start, 300, Limits, new Rng(3));
        Assert.That(plan.FarthestDistance, Is.GreaterThan(2f));
        Assert.That(plan.TurnaroundStep, Is.InRange(150, 299), "most of the gap is spent away, the rest coming back");
    }

    [Test]
    public void Plan_ShortGap_LooksAwayInsteadOfIdling()
    {
        var (world, start) = Setup();
        RevisitPlan plan = RevisitPlanner.Plan(world, Scenario.AgentRadius, start, 16, Limits, new Rng(4));
        float widest = plan.Poses.Max(p => MathF.Abs(Kinematics.WrapAngle(p.Yaw - start.Yaw)));
        Assert.That(widest, Is.GreaterThanOrEqualTo(7 * Limits.TurnStep * 0.999f), "half the gap turning away, half turning back");
    }

    [Test]
    public void Plan_SameSeed_SamePlan()
    {
        var (world, start) = Setup();
        var a = RevisitPlanner.Plan(world, Scenario.AgentRadius, start, 120, Limits, new Rng(5));
        var b = RevisitPlanner.Plan(world, Scenario.AgentRadius, start, 120, Limits, new Rng(5));
        Assert.That(b.Poses, Is.EqualTo(a.Poses));
    }

    [Test]
    public void Plan_GapBelowOne_Throws()
    {
        var (world, start) = Setup();
        Assert.Throws<ArgumentOutOfRangeException>(() => RevisitPlanner.Plan(world, Scenario.AgentRadius, start, 0, Limits, new Rng(1)));
    }

    [Test]
    public void Plan_StartInsideWall_ThrowsNamingPose()
    {
        var (world, _) = Setup();
        var e = Assert.Throws<RtfmGymException>(() => RevisitPlanner.Plan(world, Scenario.AgentRadius, new FloorPose(new Vector2(-5, -5), 0), 10, Limits, new Rng(1)));
        Assert.That(e!.Message, Does.Contain("not on the navigable floor"));
    }

    [TestCase(0f, 0.1f)]
    [TestCase(0.25f, 0f)]
    [TestCase(float.NaN, 0.1f)]
    public void MotionLimits_NotPositive_Throws(float forward, float turn) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new MotionLimits(forward, turn));

    [Test]
    public void MotionLimits_Continuous_SpeedTimesDt()
    {
        var limits = MotionLimits.For(new ActionSettings { Kind = ActionKind.Continuous, MaxSpeed = 2, Dt = 0.5f, MaxTurnRate = 1 });
        Assert.That((limits.ForwardStep, limits.TurnStep), Is.EqualTo((1f, 0.5f)));
    }
}
