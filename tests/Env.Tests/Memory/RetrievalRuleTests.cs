using RtfmGym.Env.Memory;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class RetrievalRuleTests
{
    [Test]
    public void FieldOfViewCoverage_EntryFacingTarget_BeatsNearerEntryFacingAway()
    {
        var memory = new SpatialMemory();
        MemoryEntry along = memory.Insert(At(0, 1.2f, 0), Flat(1), 0);
        memory.Insert(At(0, -0.3f, 180), Flat(2), 1);
        memory.Insert(At(0.3f, 0, 90), Flat(3), 2);
        var picked = memory.Retrieve(At(0, 0, 0), Camera, 1);
        Assert.That(picked.Single().Entry, Is.SameAs(along));
        Assert.That(picked[0].Score, Is.GreaterThan(0.5));
    }

    [Test]
    public void FieldOfViewCoverage_EntryFacingAway_NotReturned()
    {
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0, 0), Flat(1), 0);
        memory.Insert(At(0, 0, 180), Flat(2), 1);
        Assert.That(memory.Retrieve(At(0, 0, 0), Camera, 4).Select(s => s.Entry.Frame.Rgb[0]), Is.EqualTo(new byte[] { 1 }));
    }

    [Test]
    public void FieldOfViewCoverage_RanksBySharedView()
    {
        // Target looks along -Z with a 90 degree view: the same view sees all of it, views turned
        // 20 and 40 degrees see less and less.
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0, 40), Flat(40), 0);
        memory.Insert(At(0, 0, 0), Flat(0), 1);
        memory.Insert(At(0, 0, -20), Flat(20), 2);
        var picked = memory.Retrieve(At(0, 0, 0), Camera, 3);
        Assert.That(picked.Select(s => s.Entry.Frame.Rgb[0]), Is.EqualTo(new byte[] { 0, 20, 40 }));
        Assert.That(picked[0].Score, Is.EqualTo(1).Within(1e-3));
        Assert.That(picked[1].Score, Is.GreaterThan(picked[2].Score));
    }

    [Test]
    public void FieldOfViewCoverage_EntryBehindOccluder_NotReturned()
    {
        // From the target, a screen 1 m ahead fills the view (the first entry saw it from the
        // target's own pose). The second entry stands 2 m ahead, past the screen, and sees a wall
        // at 4 m: its points project into the target view, but the target sees the screen there.
        var memory = new SpatialMemory();
        MemoryEntry screen = memory.Insert(At(0, 0, 0), Flat(1, depth: 1), 0);
        memory.Insert(At(0, -2, 0), Flat(2, depth: 2), 1);
        var picked = memory.Retrieve(At(0, 0.1f, 0), Camera, 4);
        Assert.That(picked.Select(s => s.Entry), Is.EqualTo(new[] { screen }));
    }

    [Test]
    public void FieldOfViewCoverage_OldEntrySeeingMore_BeatsRecentEntrySeeingLess()
    {
        // Persistence: a view from the first visit, 5,000 steps ago, still wins over a recent one that sees less.
        var memory = new SpatialMemory();
        MemoryEntry old = memory.Insert(At(0, 0, 0), Flat(1, depth: 3), 0);
        memory.Insert(At(0, 0, 30), Flat(2, depth: 3), 5000);
        Assert.That(memory.Retrieve(At(0, 0, 0), Camera, 2)[0].Entry, Is.SameAs(old));
    }

    [TestCase(1, 16, 2f, 0.0, 0.1f)]
    [TestCase(65, 16, 2f, 0.0, 0.1f)]
    [TestCase(16, 1, 2f, 0.0, 0.1f)]
    [TestCase(16, 16, 0f, 0.0, 0.1f)]
    [TestCase(16, 16, 2f, -1.0, 0.1f)]
    [TestCase(16, 16, 2f, 0.0, 0f)]
    public void FieldOfViewCoverage_BadSettings_Throw(int grid, int samples, float nominal, double recency, float tolerance) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FieldOfViewCoverageRule(grid, samples, nominal, recency, tolerance));

    [Test]
    public void FieldOfViewCoverage_DepthPointsBehindTarget_NotCovered()
    {
        // The first entry stands 3 m ahead facing the target; its wall at 10 m lies 7 m behind
        // the target, out of the target's view. The second sees a wall 2.5 m ahead of the target.
        var memory = new SpatialMemory();
        memory.Insert(At(0, -3, 180), Flat(1, depth: 10), 0);
        Assert.That(memory.Retrieve(At(0, 0, 0), Camera, 1), Is.Empty);
        memory.Insert(At(0, 0.5f, 0), Flat(2, depth: 3), 1);
        Assert.That(memory.Retrieve(At(0, 0, 0), Camera, 1).Single().Entry.Frame.Rgb[0], Is.EqualTo(2));
    }

    [Test]
    public void NearestPose_PicksClosestByDistanceAndAngle()
    {
        var memory = new SpatialMemory(rule: new NearestPoseRule(angleWeight: 1));
        memory.Insert(At(1, 0, 0), Flat(1), 0);
        memory.Insert(At(0.3f, 0, 180), Flat(2), 1);   // 0.3 m + pi
        memory.Insert(At(0, 0.6f, 10), Flat(3), 2);    // 0.6 m + 0.17
        var picked = memory.Retrieve(At(0, 0, 0), Camera, 2);
        Assert.That(picked.Select(s => s.Entry.Frame.Rgb[0]), Is.EqualTo(new byte[] { 3, 1 }));
        Assert.That(picked[0].Score, Is.EqualTo(-(0.6 + Math.PI / 18)).Within(1e-4));
    }

    [Test]
    public void SlidingWindow_ReturnsLastKNewestFirst()
    {
        var memory = new SpatialMemory(rule: new SlidingWindowRule());
        for (int i = 0; i < 6; i++) memory.Insert(At(i, 20), Flat((byte)i), i);
        var picked = memory.Retrieve(At(0, 0), Camera, 3);
        Assert.That(picked.Select(s => s.Entry.Step), Is.EqualTo(new[] { 5, 4, 3 }));
        Assert.That(picked.Select(s => s.Score), Is.EqualTo(new[] { 0.0, -1, -2 }));
    }

    [Test]
    public void Retrieve_EntriesBeyondSearchRadius_Ignored()
    {
        var memory = new SpatialMemory(new SpatialMemoryOptions { SearchRadius = 1 });
        memory.Insert(At(0, 1.5f, 0), Flat(1), 0);
        Assert.That(memory.Retrieve(At(0, 0, 0), Camera, 1), Is.Empty);
    }
}
