using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class IndexBucketTests
{
    /// <summary>A bank of a random walk over 6 m x 6 m with a small capacity, so that entries are replaced and evicted (both remove from buckets).</summary>
    private static SpatialMemory RandomBank(int seed, int steps = 2000, int capacity = 300)
    {
        var memory = new SpatialMemory(new SpatialMemoryOptions { Capacity = capacity, SearchRadius = 2 });
        var rng = new Rng((ulong)seed);
        for (int step = 0; step < steps; step++)
        {
            var pose = Pose.FromYawPitchRoll((float)rng.Uniform(-3, 3), 1, (float)rng.Uniform(-3, 3), (float)rng.Uniform(-Math.PI, Math.PI));
            memory.Insert(pose, Flat(0), step);
        }
        return memory;
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void BucketsNear_AfterReplacementsAndEvictions_HoldEveryEntryWithinTheRadius(int seed)
    {
        SpatialMemory memory = RandomBank(seed);
        var rng = new Rng((ulong)seed + 100);
        for (int query = 0; query < 50; query++)
        {
            var at = new System.Numerics.Vector3((float)rng.Uniform(-4, 4), 1, (float)rng.Uniform(-4, 4));
            float radius = (float)rng.Uniform(0, 3);
            var buckets = new List<IndexBucket>();
            memory.BucketsNear(at, radius, buckets);

            var expected = memory.Entries.Where(e => Horizontal(e.Pose, at) <= radius).Select(e => e.Id).Order();
            var inBuckets = buckets.SelectMany(b => Enumerable.Range(0, b.Count).Select(i => b[i])).ToList();
            Assert.That(inBuckets.Where(e => Horizontal(e.Entry.Pose, at) <= radius).Select(e => e.Entry.Id).Order(), Is.EqualTo(expected));
            Assert.That(inBuckets.Select(e => e.Entry.Id).Distinct().Count(), Is.EqualTo(inBuckets.Count), "no entry in two buckets");
            var collected = new List<IndexedEntry>();
            memory.CollectNear(at, radius, collected);
            Assert.That(collected.Select(e => e.Entry.Id).Order(), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Spans_AfterRemovals_DescribeTheirEntries()
    {
        SpatialMemory memory = RandomBank(4);
        var buckets = new List<IndexBucket>();
        memory.BucketsNear(new System.Numerics.Vector3(0, 1, 0), 100, buckets);
        Assert.That(buckets.Sum(b => b.Count), Is.EqualTo(memory.Count));
        foreach (IndexBucket b in buckets)
        {
            for (int i = 0; i < b.Count; i++)
            {
                MemoryEntry e = b.Entries[i];
                Assert.That(memory.TryGet(e.Id, out MemoryEntry held) && ReferenceEquals(held, e), $"entry {e.Id} is still held");
                Assert.That((b.Ids[i], b.X[i], b.Z[i]), Is.EqualTo((e.Id, e.Pose.Position.X, e.Pose.Position.Z)));
                Assert.That((b.ForwardX[i], b.ForwardZ[i]), Is.EqualTo((e.Pose.Forward.X, e.Pose.Forward.Z)));
            }
        }
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void Indexer_OutsideTheEntries_Throws(int offset)
    {
        SpatialMemory memory = RandomBank(5, steps: 20);
        var buckets = new List<IndexBucket>();
        memory.BucketsNear(new System.Numerics.Vector3(0, 1, 0), 100, buckets);
        IndexBucket bucket = buckets[0];
        int i = offset < 0 ? -1 : bucket.Count;
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = bucket[i]);
    }

    [TestCase(-1f)]
    [TestCase(float.NaN)]
    public void BucketsNear_BadRadius_Throws(float radius) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpatialMemory().BucketsNear(default, radius, []));

    [TestCase(1)]
    [TestCase(2)]
    public void LookAheadRanking_WithAndWithoutSimd_WritesTheSameKeysInTheSameOrder(int seed)
    {
        SpatialMemory memory = RandomBank(seed, steps: 3000, capacity: 3000);
        var rng = new Rng((ulong)seed + 200);
        var buckets = new List<IndexBucket>();
        memory.BucketsNear(new System.Numerics.Vector3(0, 1, 0), 100, buckets);
        Assert.That(buckets.Select(b => b.Count % 8).Distinct().Count(), Is.GreaterThan(1), "buckets of lengths that are not whole registers");
        for (int query = 0; query < 20; query++)
        {
            var target = Pose.FromYawPitchRoll((float)rng.Uniform(-3, 3), 1, (float)rng.Uniform(-3, 3), (float)rng.Uniform(-Math.PI, Math.PI));
            var ranking = new LookAheadRanking(target, (float)rng.Uniform(0.5, 4), (float)rng.Uniform(0, 3));
            foreach (IndexBucket b in buckets)
            {
                var (simdKeys, simdItems, plainKeys, plainItems) = (new ulong[b.Count], new MemoryEntry[b.Count], new ulong[b.Count], new MemoryEntry[b.Count]);
                int simd = ranking.Write(b, simdKeys, simdItems);
                int plain = ranking.Write(b, plainKeys, plainItems, simd: false);
                Assert.That(simd, Is.EqualTo(plain));
                Assert.That(simdKeys.Take(simd), Is.EqualTo(plainKeys.Take(plain)));
                Assert.That(simdItems.Take(simd), Is.EqualTo(plainItems.Take(plain)));
            }
        }
    }

    [Test]
    public void LookAheadRanking_KnownBank_KeepsNearFacingEntriesKeyedByLookAheadDistance()
    {
        var memory = new SpatialMemory();
        // The target stands at the origin looking down -z (yaw 0); its look-ahead point (2 m) is (0, -2).
        MemoryEntry behind = memory.Insert(At(0, 1), Flat(1), 0);              // looks the same way from 1 m behind: point (0, -1), 1 m off
        MemoryEntry beside = memory.Insert(At(1, 0), Flat(2), 1);              // point (1, -2), 1 m off
        memory.Insert(At(0, -1, 180), Flat(3), 2);                             // faces the other way: skipped
        MemoryEntry side = memory.Insert(At(-0.5f, 0, 90), Flat(4), 3);        // faces -x, 90 degrees off: kept; point (-2.5, 0)
        memory.Insert(At(0, 5), Flat(5), 4);                                   // beyond the 4 m radius: skipped
        var ranking = new LookAheadRanking(At(0, 0), radius: 4, lookAhead: 2);
        var buckets = new List<IndexBucket>();
        memory.BucketsNear(default, 100, buckets);
        var written = new List<(ulong Key, MemoryEntry Entry)>();
        foreach (IndexBucket b in buckets)
        {
            var (keys, items) = (new ulong[b.Count], new MemoryEntry[b.Count]);
            int n = ranking.Write(b, keys, items);
            written.AddRange(keys.Take(n).Zip(items.Take(n)));
        }

        Assert.That(written.Select(w => w.Entry).OrderBy(e => e.Id), Is.EqualTo(new[] { behind, beside, side }));
        var squaredDistance = new Dictionary<MemoryEntry, float> { [behind] = 1, [beside] = 1, [side] = 2.5f * 2.5f + 2 * 2 };
        foreach (var (key, entry) in written)
        {
            Assert.That(BitConverter.UInt32BitsToSingle((uint)(key >> 32)), Is.EqualTo(squaredDistance[entry]).Within(1e-5f), $"entry {entry.Id}");
            Assert.That((uint)key, Is.EqualTo((uint)entry.Id));
        }
    }

    private static float Horizontal(Pose pose, System.Numerics.Vector3 at) =>
        MathF.Sqrt((pose.Position.X - at.X) * (pose.Position.X - at.X) + (pose.Position.Z - at.Z) * (pose.Position.Z - at.Z));
}
