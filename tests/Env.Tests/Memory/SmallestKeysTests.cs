using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Tests.Memory;

public class SmallestKeysTests
{
    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(10, 0)]
    [TestCase(10, 3)]
    [TestCase(10, 10)]
    [TestCase(10, 25)]
    [TestCase(500, 80)]
    [TestCase(500, 499)]
    public void MoveToFront_RandomKeys_FrontHoldsSmallestInOrderWithTheirItems(int length, int count)
    {
        var rng = new Random(length * 7 + count);
        // Few distinct values, so that repeats are common.
        ulong[] keys = Enumerable.Range(0, length).Select(_ => (ulong)rng.Next(0, Math.Max(1, length / 3))).ToArray();
        string[] items = keys.Select((k, i) => $"{k}:{i}").ToArray();
        ulong[] expected = keys.Order().Take(count).ToArray();

        SmallestKeys.MoveToFront(keys.AsSpan(), items.AsSpan(), count);

        Assert.That(keys.Take(count), Is.EqualTo(expected));
        Assert.That(items.Select(s => ulong.Parse(s.Split(':')[0])), Is.EqualTo(keys), "items move with their keys");
        Assert.That(items.Select(s => int.Parse(s.Split(':')[1])).Order(), Is.EqualTo(Enumerable.Range(0, length)), "nothing lost or repeated");
    }

    [Test]
    public void MoveToFront_KeysAndItemsOfDifferentLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => SmallestKeys.MoveToFront(new ulong[3].AsSpan(), new int[2].AsSpan(), 1));
}
