using RtfmGym.Env.Geometry;
using RtfmGym.Evaluation.Model;

namespace RtfmGym.Evaluation.Tests.Model;

public class NearestFrameTests
{
    private static readonly Pose Target = Pose.FromYawPitchRoll(2f, 1.25f, 3f, 0.4f);

    [Test]
    public void Index_ClosestPositionSameHeading_Chosen()
    {
        Pose[] context = [Pose.FromYawPitchRoll(4f, 1.25f, 3f, 0.4f), Pose.FromYawPitchRoll(2.5f, 1.25f, 3f, 0.4f), Pose.FromYawPitchRoll(2f, 1.25f, 6f, 0.4f)];
        Assert.That(NearestFrame.Index(context, Target), Is.EqualTo(1));
    }

    [Test]
    public void Index_SamePlaceTurnedRightAngle_LosesToOneMetreAwayFacingTheSameWay()
    {
        // Turned 90 degrees: 1.57 rad x 1 m/rad = 1.57 > 1 m of offset.
        Pose[] context = [Pose.FromYawPitchRoll(2f, 1.25f, 3f, 0.4f + MathF.PI / 2), Pose.FromYawPitchRoll(3f, 1.25f, 3f, 0.4f)];
        Assert.That(NearestFrame.Index(context, Target), Is.EqualTo(1));
    }

    [Test]
    public void Distance_TurnOnly_IsAngleInRadians()
    {
        Pose turned = Pose.FromYawPitchRoll(2f, 1.25f, 3f, 0.9f);
        Assert.That(NearestFrame.Distance(turned, Target), Is.EqualTo(0.5f).Within(1e-4));
    }

    [Test]
    public void Index_Tie_FirstFrame()
    {
        Pose p = Pose.FromYawPitchRoll(1f, 1.25f, 3f, 0.4f);
        Assert.That(NearestFrame.Index([p, p], Target), Is.EqualTo(0));
    }

    [Test]
    public void Index_EmptyContext_Throws()
    {
        Assert.Throws<ArgumentException>(() => NearestFrame.Index([], Target));
    }
}
