using System.Numerics;
using NUnit.Framework;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Rendering;

public class WorldMapRendererTests
{
    private static World Scene() => RenderTestWorlds.Room(props: [RenderTestWorlds.Box(0, new Vector3(5f, 0.5f, 5f), new Vector3(0.5f), RenderTestWorlds.RedMat)]);

    [Test]
    public void Render_Scale_SizeIsWorldSizeTimesPixelsPerMetre()
    {
        WorldMap map = WorldMapRenderer.Render(Scene(), 10f);
        Assert.That((map.Width, map.Height, map.Rgb.Length), Is.EqualTo((110, 110, 110 * 110 * 3)));
    }

    [Test]
    public void Render_WallsFloorAndProps_HaveDistinctColours()
    {
        WorldMap map = WorldMapRenderer.Render(Scene(), 10f);
        MapColor wall = map.GetPixel(5, 5), floor = map.GetPixel(80, 80), prop = map.GetPixel(50, 50);
        Assert.That(wall.R + wall.G + wall.B, Is.LessThan(floor.R + floor.G + floor.B));
        Assert.That(prop.R, Is.GreaterThan(prop.G + 50), "the red box is drawn red");
    }

    [Test]
    public void DrawPath_TwoPoints_ColoursPixelsAlongTheSegment()
    {
        WorldMap map = WorldMapRenderer.Render(Scene(), 10f);
        map.DrawPath([new Vector2(2f, 8f), new Vector2(8f, 8f)], MapColor.Path, 3f);
        Assert.That(map.GetPixel(50, 80), Is.EqualTo(MapColor.Path));
        Assert.That(map.GetPixel(50, 86), Is.Not.EqualTo(MapColor.Path));
    }

    [Test]
    public void DrawAgent_YawZero_WedgePointsUpTheImage()
    {
        WorldMap map = WorldMapRenderer.Render(Scene(), 20f);
        map.DrawAgent(Pose.FromYawPitchRoll(3f, 0.5f, 8f, 0), MapColor.Agent, 0.3f);
        // Centre at pixel (60, 160); radius 6 px, wedge tip 9.6 px ahead along -z (up).
        Assert.That(map.GetPixel(60, 152), Is.EqualTo(MapColor.Agent));
        Assert.That(map.GetPixel(60, 168), Is.Not.EqualTo(MapColor.Agent));
    }

    [Test]
    public void DrawGoal_Point_MarksItsCentre()
    {
        WorldMap map = WorldMapRenderer.Render(Scene(), 20f);
        map.DrawGoal(new Vector2(7f, 3f), MapColor.Goal);
        Assert.That(map.GetPixel(140, 60), Is.EqualTo(MapColor.Goal));
    }

    [Test]
    public void Render_NonPositiveScale_Throws() =>
        Assert.That(() => WorldMapRenderer.Render(Scene(), 0f), Throws.TypeOf<ArgumentOutOfRangeException>());
}
