using System.Numerics;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Tests.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Navigation;

public class NavigationGridTests
{
    private static readonly World Room = RenderTestWorlds.Room(props: [RenderTestWorlds.Box(0, new Vector3(5.5f, 0.5f, 5.5f), new Vector3(2f, 0.5f, 0.5f), RenderTestWorlds.RedMat)]);

    [Test]
    public void DistancesTo_OpenLine_EqualsStraightDistance()
    {
        var f = Room.Navigation.DistancesTo(new Vector2(2, 2), 0.2f);
        Assert.That(f.At(new Vector2(8, 2)), Is.EqualTo(6f).Within(0.15f));
    }

    [Test]
    public void DistancesTo_AroundFurniture_LongerThanStraightLine()
    {
        // The box spans x 3.5..7.5 at z 5..6; from (5.5, 3.5) to (5.5, 7.5) the straight line crosses it.
        var f = Room.Navigation.DistancesTo(new Vector2(5.5f, 7.5f), 0.2f);
        float d = f.At(new Vector2(5.5f, 3.5f));
        Assert.That(d, Is.GreaterThan(4.5f));
        Assert.That(d, Is.LessThan(9f));
    }

    [Test]
    public void ShortestPath_AroundFurniture_EveryPointFreeAndSegmentsClear()
    {
        var path = Room.Navigation.ShortestPath(new Vector2(5.5f, 3.5f), new Vector2(5.5f, 7.5f), 0.2f);
        Assert.That(path, Is.Not.Null);
        for (int i = 0; i + 1 < path!.Count; i++)
        {
            for (int k = 0; k <= 20; k++)
            {
                Vector2 p = Vector2.Lerp(path[i], path[i + 1], k / 20f);
                Assert.That(Room.Navigation.IsFree(p, 0.2f), Is.True, $"segment {i} at {p}");
            }
        }
    }

    [Test]
    public void TrySampleFree_ManyDraws_AllFree()
    {
        var rng = new Rng(3);
        for (int i = 0; i < 200; i++)
        {
            Assert.That(Room.Navigation.TrySampleFree(rng, 0.2f, out Vector2 p), Is.True);
            Assert.That(Room.Navigation.IsFree(p, 0.2f), Is.True);
        }
    }

    [TestCase(0.5f, 0.5f)]
    [TestCase(5.5f, 5.5f)]
    [TestCase(1.1f, 5f)]
    public void IsFree_InsideWallFurnitureOrTooClose_False(float x, float z) =>
        Assert.That(Room.Navigation.IsFree(new Vector2(x, z), 0.2f), Is.False);
}
