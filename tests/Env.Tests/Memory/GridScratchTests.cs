using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Tests.Memory;

public class GridScratchTests
{
    [Test]
    public void For_SmallerOrEqualCapacity_ReusesTheThreadsBuffers()
    {
        GridScratch first = GridScratch.For(100);
        Assert.That(GridScratch.For(100), Is.SameAs(first));
        Assert.That(GridScratch.For(3), Is.SameAs(first));
        Assert.That(first.Cells.Length, Is.GreaterThanOrEqualTo(100));
        Assert.That(first.Depths.Length, Is.EqualTo(first.Cells.Length));
    }

    [Test]
    public void For_LargerCapacity_GrowsToHoldIt()
    {
        int had = GridScratch.For(1).Cells.Length;
        GridScratch grown = GridScratch.For(had + 1);
        Assert.That(grown.Cells.Length, Is.GreaterThanOrEqualTo(had + 1));
        Assert.That(grown.Depths.Length, Is.EqualTo(grown.Cells.Length));
    }

    [Test]
    public void For_AnotherThread_GetsItsOwnBuffers()
    {
        GridScratch mine = GridScratch.For(10);
        GridScratch? theirs = null;
        var thread = new Thread(() => theirs = GridScratch.For(10));
        thread.Start();
        thread.Join();
        Assert.That(theirs, Is.Not.Null.And.Not.SameAs(mine));
    }
}
