using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Scenarios;

public class CaptureSettingsTests
{
    private static World World3 => WorldCache.Get(new WorldOptions { Seed = 3, Rooms = 3 });

    [Test]
    public void Poses_Grid_EveryPointFreeOnTheSpacingWithEvenHeadings()
    {
        var capture = new CaptureSettings(0.75f, 4);
        IReadOnlyList<FloorPose> poses = capture.Poses(World3, 0.18f);
        Assert.That(poses, Has.Count.GreaterThan(40));
        Assert.That(poses.Count % 4, Is.Zero);
        for (int i = 0; i < poses.Count; i++)
        {
            FloorPose p = poses[i];
            Assert.That(World3.Navigation.IsFree(p.Position, 0.18f), $"pose {i} at {p.Position} stands in a wall");
            Assert.That(p.Position.X / 0.75f - 0.5f, Is.EqualTo(MathF.Round(p.Position.X / 0.75f - 0.5f)).Within(1e-4), "x on the grid");
            Assert.That(p.Position.Y / 0.75f - 0.5f, Is.EqualTo(MathF.Round(p.Position.Y / 0.75f - 0.5f)).Within(1e-4), "z on the grid");
            Assert.That(p.Yaw, Is.EqualTo(i % 4 * MathF.PI / 2).Within(1e-6), "headings 90 degrees apart from 0");
        }
    }

    [Test]
    public void Poses_HalfTheSpacing_AboutFourTimesThePoints()
    {
        int coarse = new CaptureSettings(1f, 1).Poses(World3, 0.18f).Count, fine = new CaptureSettings(0.5f, 1).Poses(World3, 0.18f).Count;
        Assert.That(fine, Is.InRange(3 * coarse, 5 * coarse));
    }

    [Test]
    public void Poses_WiderBody_NoMorePoints()
    {
        var capture = new CaptureSettings(0.5f, 1);
        Assert.That(capture.Poses(World3, 0.5f), Has.Count.LessThan(capture.Poses(World3, 0.1f).Count));
    }

    [TestCase(0.2f, 6)]
    [TestCase(10.5f, 6)]
    [TestCase(float.NaN, 6)]
    [TestCase(1f, 0)]
    [TestCase(1f, 37)]
    public void Constructor_OutOfRange_Throws(float spacing, int headings) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new CaptureSettings(spacing, headings));

    [Test]
    public void With_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new CaptureSettings() with { Spacing = 0.1f });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new CaptureSettings() with { Headings = 40 });
    }
}
