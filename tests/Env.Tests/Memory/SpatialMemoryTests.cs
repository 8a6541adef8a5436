using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class SpatialMemoryTests
{
    [Test]
    public void Insert_SameCellAndHeading_ReplacesWithNewId()
    {
        var memory = new SpatialMemory();
        MemoryEntry first = memory.Insert(At(0.1f, 0.1f, 1), Flat(1), 0);
        MemoryEntry second = memory.Insert(At(0.4f, 0.3f, 10), Flat(2), 1);
        Assert.That(memory.Count, Is.EqualTo(1));
        Assert.That(second.Id, Is.GreaterThan(first.Id));
        Assert.That(memory.TryGet(first.Id, out _), Is.False, "the replaced id is gone");
        Assert.That(memory.Entries.Single(), Is.SameAs(second));
    }

    [Test]
    public void Insert_GeneratedIntoGroundTruthSlot_KeepsTheGroundTruth()
    {
        var memory = new SpatialMemory();
        MemoryEntry truth = memory.Insert(At(0.1f, 0.1f, 1), Flat(1), 0);
        MemoryEntry kept = memory.Insert(At(0.4f, 0.3f, 10), Flat(2), 5, generationDepth: 1);
        Assert.That(kept, Is.SameAs(truth));
        Assert.That(memory.Entries.Single(), Is.SameAs(truth));
        Assert.That(memory.LatestStep, Is.EqualTo(5), "the step still happened");
    }

    [TestCase(3, 1, true)]
    [TestCase(2, 2, true)]
    [TestCase(1, 3, false)]
    [TestCase(0, 0, true)]
    public void Insert_GenerationDepths_ReplacesOnlyWhenNotDeeper(int oldDepth, int newDepth, bool replaced)
    {
        var memory = new SpatialMemory();
        MemoryEntry old = memory.Insert(At(0.1f, 0.1f, 1), Flat(1), 0, generationDepth: oldDepth);
        MemoryEntry now = memory.Insert(At(0.4f, 0.3f, 10), Flat(2), 1, generationDepth: newDepth);
        Assert.That(ReferenceEquals(now, old), Is.EqualTo(!replaced));
        Assert.That(memory.Entries.Single().GenerationDepth, Is.EqualTo(replaced ? newDepth : oldDepth));
    }

    [Test]
    public void Insert_NegativeGenerationDepth_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialMemory().Insert(At(0, 0), Flat(1), 0, generationDepth: -1));

    [Test]
    public void Insert_OtherHeadingOrCell_Appends()
    {
        var memory = new SpatialMemory();
        memory.Insert(At(0.1f, 0.1f, 0), Flat(1), 0);
        memory.Insert(At(0.1f, 0.1f, 90), Flat(2), 1);
        memory.Insert(At(0.6f, 0.1f, 0), Flat(3), 2);
        Assert.That(memory.Count, Is.EqualTo(3));
    }

    [Test]
    public void Insert_AtCapacity_EvictsLeastRecentlyRetrieved()
    {
        var memory = new SpatialMemory(new SpatialMemoryOptions { Capacity = 3 }, new NearestPoseRule());
        MemoryEntry a = memory.Insert(At(0, 0), Flat(1), 0);
        MemoryEntry b = memory.Insert(At(1, 0), Flat(2), 1);
        MemoryEntry c = memory.Insert(At(2, 0), Flat(3), 2);
        Assert.That(memory.Retrieve(At(0, 0), Camera, 1).Single().Entry, Is.SameAs(a));

        memory.Insert(At(3, 0), Flat(4), 3);
        Assert.That(memory.TryGet(b.Id, out _), Is.False, "b: never retrieved and oldest");
        Assert.That(memory.TryGet(a.Id, out _), Is.True, "a was retrieved after b and c were inserted");

        memory.Insert(At(4, 0), Flat(5), 4);
        Assert.That(memory.TryGet(c.Id, out _), Is.False);
        Assert.That(memory.Count, Is.EqualTo(3));
    }

    [Test]
    public void Insert_LongRandomWalk_SizeStaysWithinExploredSlots()
    {
        // 3,000 steps in a 3 m x 3 m room: 6 x 6 cells x 12 headings = 432 slots at most.
        var memory = new SpatialMemory();
        var rng = new Rng(7);
        float x = 1.5f, z = 1.5f, yaw = 0;
        var slots = new HashSet<MemorySlot>();
        for (int step = 0; step < 3000; step++)
        {
            if (rng.Chance(0.5)) yaw += (float)(rng.Chance(0.5) ? Math.PI / 6 : -Math.PI / 6);
            else
            {
                x = Math.Clamp(x - 0.25f * MathF.Sin(yaw), 0.01f, 2.99f);
                z = Math.Clamp(z - 0.25f * MathF.Cos(yaw), 0.01f, 2.99f);
            }
            var pose = RtfmGym.Env.Geometry.Pose.FromYawPitchRoll(x, 1, z, yaw);
            slots.Add(MemorySlot.Of(pose, memory.Options));
            memory.Insert(pose, Flat(0), step);
        }
        Assert.That(memory.Count, Is.EqualTo(slots.Count));
        Assert.That(memory.Count, Is.LessThanOrEqualTo(6 * 6 * 12));
    }

    [Test]
    public void Near_EntriesOutsideRadius_Excluded()
    {
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0), Flat(1), 0);
        memory.Insert(At(1.9f, 0), Flat(2), 1);
        memory.Insert(At(2.1f, 0), Flat(3), 2);
        memory.Insert(At(0, -10), Flat(4), 3);
        Assert.That(memory.Near(At(0, 0).Position, 2).Select(e => e.Frame.Rgb[0]), Is.EqualTo(new byte[] { 1, 2 }));
    }

    [Test]
    public void Clone_ThenInsert_OriginalUnchanged()
    {
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0), Flat(1), 0);
        SpatialMemory copy = memory.Clone();
        copy.Insert(At(5, 5), Flat(2), 1);
        Assert.That(memory.Count, Is.EqualTo(1));
        Assert.That(copy.Count, Is.EqualTo(2));
    }

    [Test]
    public void LastRetrievalTime_AfterRetrieveThenClear_PositiveThenZero()
    {
        var memory = new SpatialMemory();
        Assert.That(memory.LastRetrievalTime, Is.EqualTo(TimeSpan.Zero));
        memory.Insert(At(0, 0), Flat(1), 0);
        memory.Retrieve(At(0, 0), Camera);
        Assert.That(memory.LastRetrievalTime, Is.GreaterThan(TimeSpan.Zero));
        memory.Retrieve(At(0, 0), Camera, 0);
        Assert.That(memory.LastRetrievalTime, Is.EqualTo(TimeSpan.Zero), "nothing chosen");
        memory.Retrieve(At(0, 0), Camera);
        memory.Clear();
        Assert.That(memory.LastRetrievalTime, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(0f, 12, 10)]
    [TestCase(0.5f, 0, 10)]
    [TestCase(0.5f, 12, 0)]
    public void Constructor_InvalidOptions_Throws(float cell, int bins, int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialMemory(new SpatialMemoryOptions { CellSize = cell, HeadingBins = bins, Capacity = capacity }));
}
