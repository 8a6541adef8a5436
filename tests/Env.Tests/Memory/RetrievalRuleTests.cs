using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
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

    [TestCase(false)]
    [TestCase(true)]
    public void FieldOfViewCoverage_EntryBehindOccluder_CoversNothing(bool fill)
    {
        // From the target, a screen 1 m ahead fills the view (the first entry saw it from the
        // target's own pose). The second entry stands 2 m ahead, past the screen, and sees a wall
        // at 4 m: its points project into the target view, but the target sees the screen there.
        // It covers nothing, so it is returned only to fill up k, after the screen and scored as covering nothing.
        var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(recencyPenalty: 0.01, fill: fill));
        MemoryEntry screen = memory.Insert(At(0, 0, 0), Flat(1, depth: 1), 0);
        MemoryEntry behind = memory.Insert(At(0, -2, 0), Flat(2, depth: 2), 1);
        var picked = memory.Retrieve(At(0, 0.1f, 0), Camera, 4);
        Assert.That(picked.Select(s => s.Entry), Is.EqualTo(fill ? new[] { screen, behind } : new[] { screen }));
        if (fill) Assert.That(picked[1].Score, Is.EqualTo(0.0), "covers nothing and is the newest (age 0)");
    }

    [Test]
    public void FieldOfViewCoverage_FewerCoverThanK_FilledWithNewestExaminedEntries()
    {
        // One entry sees the target's view; three face the same way from beside it but look at a wall
        // the target does not see (their walls stand 1 m behind the target's screen: hidden). One faces
        // away and is never examined. Asked for 4, the rule returns the one that covers, then the
        // newest of the rest, each scored -penalty * age.
        const double penalty = 0.001;
        var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(recencyPenalty: penalty));
        MemoryEntry sees = memory.Insert(At(0, 0, 0), Wall(1, At(0, 0, 0), -1), 0);
        var hidden = new List<MemoryEntry>();
        for (int i = 0; i < 3; i++)
        {
            Pose side = At(0.6f * (i - 1), -1.5f, 0); // one memory cell (0.5 m) each
            hidden.Add(memory.Insert(side, Wall((byte)(10 + i), side, -2.5f), 10 * (i + 1)));
        }
        memory.Insert(At(0, 0.5f, 180), Wall(20, At(0, 0.5f, 180), 3), 40);
        var picked = memory.Retrieve(At(0, 0, 0), Camera, 4);
        Assert.That(picked.Select(s => s.Entry), Is.EqualTo(new[] { sees, hidden[2], hidden[1], hidden[0] }));
        Assert.That(picked.Skip(1).Select(s => s.Score), Is.EqualTo(new[] { -penalty * 10, -penalty * 20, -penalty * 30 }).Within(1e-12));
        Assert.That(picked[0].Score, Is.GreaterThan(0.5));
    }

    [Test]
    public void FieldOfViewCoverage_FillOff_ReturnsOnlyCoveringEntries()
    {
        var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(fill: false));
        MemoryEntry sees = memory.Insert(At(0, 0, 0), Wall(1, At(0, 0, 0), -1), 0);
        Pose side = At(0.4f, -1.5f, 0);
        memory.Insert(side, Wall(2, side, -2.5f), 1);
        Assert.That(memory.Retrieve(At(0, 0, 0), Camera, 4).Select(s => s.Entry), Is.EqualTo(new[] { sees }));
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

    [TestCase(1, 16, 2f, 0.0, 0.1f, 32, 4, 256)]
    [TestCase(65, 16, 2f, 0.0, 0.1f, 32, 4, 256)]
    [TestCase(16, 1, 2f, 0.0, 0.1f, 32, 1, 256)]
    [TestCase(16, 16, 0f, 0.0, 0.1f, 32, 4, 256)]
    [TestCase(16, 16, 2f, -1.0, 0.1f, 32, 4, 256)]
    [TestCase(16, 16, 2f, 0.0, 0f, 32, 4, 256)]
    [TestCase(16, 16, 2f, 0.0, 0.1f, 0, 4, 256)]
    [TestCase(16, 16, 2f, 0.0, 0.1f, 4097, 4, 256)]
    [TestCase(16, 16, 2f, 0.0, 0.1f, 32, 0, 256)]
    [TestCase(16, 16, 2f, 0.0, 0.1f, 32, 17, 256)]
    [TestCase(16, 16, 2f, 0.0, 0.1f, 32, 4, 0)]
    public void FieldOfViewCoverage_BadSettings_Throw(int grid, int samples, float nominal, double recency, float tolerance, int candidates, int probes, int examine) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FieldOfViewCoverageRule(grid, samples, nominal, recency, tolerance, candidates, probes, examine));

    [TestCase(0.0, false)]
    [TestCase(0.5, true)]
    [TestCase(1.0, true)]
    public void FieldOfViewCoverage_GroundTruthShare_KeepsTrueViewAmongDrawnFramesThatCoverMore(double share, bool kept)
    {
        // Six drawn frames (no depth, generation depth 3) stand half a metre behind the target looking its way: each covers
        // all of it. A true view (with depth) turned 40 degrees covers less. By score alone it is left out of 4.
        var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(groundTruthShare: share));
        MemoryEntry truth = memory.Insert(At(0, 0, 40), Flat(1, depth: 3), 0);
        for (int i = 0; i < 6; i++) memory.Insert(At(0.6f * (i - 2.5f), 0.5f, 0), Flat((byte)(10 + i)), 1 + i, generationDepth: 3);
        IReadOnlyList<ScoredEntry> picked = memory.Retrieve(At(0, 0, 0), Camera, 4);
        Assert.That(picked, Has.Count.EqualTo(4));
        Assert.That(picked.Any(p => p.Entry == truth), Is.EqualTo(kept));
        Assert.That(picked.Select(p => p.Score), Is.Ordered.Descending, "best first, whatever was kept");
        Assert.That(picked.Count(p => p.Entry.GenerationDepth == 3), Is.EqualTo(kept ? 3 : 4), "one true view, the rest drawn by score");
    }

    [Test]
    public void FieldOfViewCoverage_DrawnFramesWithoutDepth_DoNotHideTheSurfaceATrueViewMeasured()
    {
        // The drawn frames' stand-in points lie 2 m ahead (the nominal depth), in front of the wall the true view measured
        // at 3 m. Were they part of the surface guess, the true view would match none of it and score as covering nothing.
        var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(groundTruthShare: 0));
        MemoryEntry truth = memory.Insert(At(0, 0, 40), Flat(1, depth: 3), 0);
        for (int i = 0; i < 6; i++) memory.Insert(At(0.6f * (i - 2.5f), 0.5f, 0), Flat((byte)(10 + i)), 1 + i, generationDepth: 3);
        ScoredEntry scored = memory.Retrieve(At(0, 0, 0), Camera, 7).Single(p => p.Entry == truth);
        Assert.That(scored.Score, Is.InRange(0.3, 0.7), "about the half of the view a 40-degree turn shares");
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void FieldOfViewCoverage_BadGroundTruthShare_Throws(double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FieldOfViewCoverageRule(groundTruthShare: share));

    [TestCase(-1f)]
    [TestCase(100.5f)]
    [TestCase(float.NaN)]
    public void FieldOfViewCoverage_BadLookAhead_Throws(float lookAhead) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FieldOfViewCoverageRule(lookAhead: lookAhead));

    [Test]
    public void FieldOfViewCoverage_ExamineLimit_OnlyNearestExamined()
    {
        // The best view stands 3 m behind the target (it sees all of the target's view of a wall 2 m
        // ahead); four nearer views are turned 60 degrees and see less. Ranked by camera position
        // (look-ahead 0), examining only the 4 nearest leaves the best one out; a limit of 256 finds it.
        var entries = new List<(Pose Pose, Frame Frame)> { (At(0, 3, 0), Wall(9, At(0, 3, 0), -2)) };
        for (int i = 0; i < 4; i++)
        {
            Pose pose = At(0.6f * (i - 1.5f), 0.2f, i % 2 == 0 ? 60 : -60);
            entries.Add((pose, Wall((byte)i, pose, -2)));
        }
        foreach (int limit in new[] { 4, 256 })
        {
            var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(examineLimit: limit, lookAhead: 0));
            for (int i = 0; i < entries.Count; i++) memory.Insert(entries[i].Pose, entries[i].Frame, i);
            byte best = memory.Retrieve(At(0, 0, 0), Camera, 1).Single().Entry.Frame.Rgb[0];
            Assert.That(best, limit == 4 ? Is.Not.EqualTo(9) : Is.EqualTo(9), $"examine limit {limit}");
        }
    }

    [TestCase(0f, false)]
    [TestCase(3f, true)]
    public void FieldOfViewCoverage_LookAhead_ExaminesViewsThatLookWhereTheTargetLooksFirst(float lookAhead, bool bestFound)
    {
        // The best view stands 3 m behind the target, looking the same way; a nearer view, 0.3 m away,
        // is turned 75 degrees. By camera position the turned one comes first; by the points 3 m ahead
        // of each camera the one behind does (3 m from the target's point, against 3.7 m). With one
        // entry examined, only the ranking decides what comes back.
        var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(examineLimit: 1, lookAhead: lookAhead));
        memory.Insert(At(0, 3, 0), Wall(9, At(0, 3, 0), -2), 0);
        memory.Insert(At(0.3f, 0, 75), Wall(1, At(0.3f, 0, 75), -2), 1);
        IReadOnlyList<ScoredEntry> picked = memory.Retrieve(At(0, 0, 0), Camera, 1);
        Assert.That(picked.Single().Entry.Frame.Rgb[0] == 9, Is.EqualTo(bestFound));
    }

    [Test]
    public void FieldOfViewCoverage_CandidateLimitOne_StillReturnsBestOfDenseBank()
    {
        // A dense bank of views of one wall around the target, one of them from the target's own pose:
        // the cheap pass must rank that one first (or tie it with views that see all the target sees, and
        // prefer it as the newest), so a shortlist of one still finds it.
        var memory = new SpatialMemory(rule: new FieldOfViewCoverageRule(candidateLimit: 1));
        var rng = new Random(5);
        for (int i = 0; i < 150; i++)
        {
            Pose pose = At(rng.NextSingle() * 6 - 3, rng.NextSingle() * 3 - 1.5f, rng.Next(-80, 80));
            memory.Insert(pose, Wall(1, pose, -3), i);
        }
        MemoryEntry own = memory.Insert(At(0.1f, 0.1f, 0), Wall(2, At(0.1f, 0.1f, 0), -3), 200);
        Assert.That(memory.Retrieve(At(0.1f, 0.1f, 0), Camera, 1).Single().Entry, Is.SameAs(own));
    }

    [Test]
    public void FieldOfViewCoverage_RuleSharedAcrossThreads_SameAsSerial()
    {
        // Memories cloned for branching rollouts share their rule (and its cache of entry points).
        var memory = new SpatialMemory();
        var rng = new Random(11);
        for (int i = 0; i < 120; i++) memory.Insert(At(rng.NextSingle() * 8 - 4, rng.NextSingle() * 8 - 4, rng.Next(0, 360)), Varied(i % 5), i);
        Pose[] targets = Enumerable.Range(0, 64).Select(_ => At(rng.NextSingle() * 6 - 3, rng.NextSingle() * 6 - 3, rng.Next(0, 360))).ToArray();
        string Picks(SpatialMemory m, Pose t) => string.Join(",", m.Rule.Select(m, t, Camera, 8).Select(s => $"{s.Entry.Id}:{s.Score:R}"));
        var fresh = new SpatialMemory(rule: new FieldOfViewCoverageRule());
        fresh.CopyFrom(memory);
        string[] serial = targets.Select(t => Picks(fresh, t)).ToArray();
        var parallel = new string[targets.Length];
        Parallel.For(0, targets.Length, i => parallel[i] = Picks(memory.Clone(), targets[i]));
        Assert.That(parallel, Is.EqualTo(serial));
        Assert.That(serial.Count(p => p.Length > 0), Is.GreaterThan(targets.Length / 2), "most targets should retrieve something");
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

    [Test]
    public void BestFirst_EqualCoverage_PrefersShallowerGenerationThenNewer()
    {
        ScoredEntry E(long id, double score, int depth) => new(new MemoryEntry(id, At(0, 0), Flat(1), 0, GenerationDepth: depth), score);
        var list = new List<ScoredEntry> { E(1, 0.5, 0), E(2, 0.5, 2), E(3, 0.5, 1), E(4, 0.9, 3), E(5, 0.5, 0) };
        list.Sort(FieldOfViewCoverageRule.BestFirst);
        Assert.That(list.Select(s => s.Entry.Id), Is.EqualTo(new long[] { 4, 5, 1, 3, 2 }));
    }
}
