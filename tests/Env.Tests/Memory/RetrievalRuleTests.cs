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
    public void FieldOfViewCoverage_OneEntryCoversAll_StopsBeforeK()
    {
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0, 0), Flat(1), 0);
        memory.Insert(At(0, 0, 180), Flat(2), 1);
        Assert.That(memory.Retrieve(At(0, 0, 0), Camera, 4), Has.Count.EqualTo(1));
    }

    [Test]
    public void FieldOfViewCoverage_GreedyPrefersComplementaryViews()
    {
        // Target looks along -Z with a 90 degree view; entries turned 40 degrees left and right
        // each see one half, a copy of the left one adds nothing.
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0, 40), Flat(1), 0);
        memory.Insert(At(0.6f, 0, 40), Flat(1), 1);
        memory.Insert(At(0, 0, -40), Flat(3), 2);
        var picked = memory.Retrieve(At(0, 0, 0), Camera, 2).Select(s => s.Entry.Frame.Rgb[0]);
        Assert.That(picked, Is.EquivalentTo(new byte[] { 1, 3 }), "one left view and the right view, not both left views");
    }

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
