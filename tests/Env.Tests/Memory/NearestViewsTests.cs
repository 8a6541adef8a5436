using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class NearestViewsTests
{
    [TestCase(1, 4f, 2000, 48)]
    [TestCase(2, 4f, 2000, 1)]
    [TestCase(3, 4f, 2000, 7)]
    [TestCase(4, 4f, 6000, 48)]
    [TestCase(5, 4f, 30, 48)]
    [TestCase(6, 1f, 2000, 48)]
    [TestCase(7, 12f, 2000, 100)]
    [TestCase(8, 4f, 2000, 5000)]
    public void ByViewPoint_RandomBanks_SameListAsTheScanOfTheRadius(int seed, float radius, int steps, int limit)
    {
        // Entries replaced and evicted (capacity 1,500) over a walk of 12 m x 12 m, heads tilted up and down too.
        var memory = new SpatialMemory(new SpatialMemoryOptions { SearchRadius = radius, Capacity = 1500 });
        var rng = new Rng((ulong)seed);
        for (int step = 0; step < steps; step++)
            memory.Insert(RandomPose(rng, 6), Flat(0), step);
        for (int query = 0; query < 60; query++)
        {
            Pose target = RandomPose(rng, 8);
            List<MemoryEntry> byViewPoint = NearestViews.ByViewPoint(memory, target, limit);
            List<MemoryEntry> byPosition = NearestViews.ByPosition(memory, target, SpatialMemory.ViewPointDistance, limit);
            Assert.That(byViewPoint.Select(e => e.Id), Is.EqualTo(byPosition.Select(e => e.Id)), $"query {query}");
        }
    }

    [Test]
    public void ByViewPoint_EmptyMemory_FindsNothing() =>
        Assert.That(NearestViews.ByViewPoint(new SpatialMemory(), At(0, 0), 48), Is.Empty);

    [Test]
    public void ByViewPoint_FullNeighbourhood_ReadsFewerEntriesThanTheRadiusHolds()
    {
        // 40 x 40 cells of 0.5 m (20 m x 20 m) with all 12 headings: 19,200 entries, ~600 within 4 m.
        var memory = new SpatialMemory(new SpatialMemoryOptions { Capacity = 20_000 });
        int step = 0;
        for (int x = 0; x < 40; x++)
            for (int z = 0; z < 40; z++)
                for (int h = 0; h < 12; h++)
                    memory.Insert(At(x * 0.5f + 0.25f, z * 0.5f + 0.25f, h * 30 + 15), Flat(0), step++);
        Pose target = At(10, 10);
        int within = memory.Near(target.Position, memory.Options.SearchRadius).Count;
        List<MemoryEntry> examined = NearestViews.ByViewPoint(memory, target, 48, out int read);

        Assert.That(examined.Select(e => e.Id), Is.EqualTo(NearestViews.ByPosition(memory, target, SpatialMemory.ViewPointDistance, 48).Select(e => e.Id)));
        Assert.That(read, Is.LessThan(within / 2), $"read {read} of the {within} within the radius");
    }

    private static Pose RandomPose(Rng rng, float half) =>
        Pose.FromYawPitchRoll((float)rng.Uniform(-half, half), 1, (float)rng.Uniform(-half, half), (float)rng.Uniform(-Math.PI, Math.PI), (float)rng.Uniform(-0.5, 0.5));
}
