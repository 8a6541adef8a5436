using RtfmGym.Env.Memory;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Env.Tests.Memory;

public class CovisibilityOracleTests
{
    [Test]
    public void Fractions_SamePoseAndWall_OneAndFacingAwayZero()
    {
        var memory = new SpatialMemory();
        MemoryEntry same = memory.Insert(At(0, 0, 0), Flat(1, depth: 2), 0);
        MemoryEntry away = memory.Insert(At(0, 0, 180), Flat(2, depth: 2), 1);
        MemoryEntry hidden = memory.Insert(At(0, 0.5f, 0), Flat(3, depth: 1), 2); // sees something nearer: the wall is hidden
        var f = CovisibilityOracle.Fractions(Flat(0, depth: 2), At(0, 0, 0), Camera, memory.Entries);
        Assert.That(f[same.Id], Is.EqualTo(1).Within(1e-9));
        Assert.That(f[away.Id], Is.EqualTo(0));
        Assert.That(f[hidden.Id], Is.EqualTo(0));
    }

    [TestCase(new long[] { 1, 2 }, 2, 1.0)]
    [TestCase(new long[] { 1, 3 }, 2, 0.5)]
    [TestCase(new long[] { 3, 4 }, 2, 0.0)]
    [TestCase(new long[] { 2 }, 1, 0.0)]
    public void RecallAtK_Table(long[] retrieved, int k, double expected)
    {
        var oracle = new Dictionary<long, double> { [1] = 0.9, [2] = 0.5, [3] = 0.1, [4] = 0 };
        Assert.That(CovisibilityOracle.RecallAtK(retrieved, oracle, k), Is.EqualTo(expected));
    }

    [TestCase(new long[] { 1, 2 }, 2, 1.0)]
    [TestCase(new long[] { 2, 3 }, 2, 1.0)]
    [TestCase(new long[] { 3, 4 }, 2, 0.5)]
    [TestCase(new long[] { 4, 5 }, 2, 0.0)]
    [TestCase(new long[] { 3, 3 }, 2, 0.5)]
    public void RecallAtK_TiesAtKthBest_CountAsHits(long[] retrieved, int k, double expected)
    {
        var oracle = new Dictionary<long, double> { [1] = 1, [2] = 1, [3] = 1, [4] = 0.5, [5] = 0 };
        Assert.That(CovisibilityOracle.RecallAtK(retrieved, oracle, k), Is.EqualTo(expected));
    }

    [Test]
    public void RecallAtK_NothingCovisible_One() =>
        Assert.That(CovisibilityOracle.RecallAtK(new long[] { 5 }, new Dictionary<long, double> { [5] = 0 }, 3), Is.EqualTo(1));
}
