using System.Numerics;
using NUnit.Framework;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;
using static RtfmGym.Env.Tests.Rendering.RenderTestSupport;

namespace RtfmGym.Env.Tests.Rendering;

/// <summary>Lighting, shadows, reflections and texture filtering in the hand-built test room.</summary>
public class GroundTruthRendererShadingTests
{
    // Light at (4, 2.8, 5.5); a box centred 1.8 m below and 1 m beside it shadows the floor around (5.56, 0, 5.5).
    private static readonly Vector3 Light = new(4f, 2.8f, 5.5f);
    private static readonly Prop Blocker = RenderTestWorlds.Box(0, new Vector3(5f, 1f, 5.5f), new Vector3(0.25f), RenderTestWorlds.RedMat);

    /// <summary>Looks at floor point (x, z) from 1.5 m away at height 1 m, along heading <paramref name="yaw"/>.</summary>
    private static Pose LookAtFloor(float x, float z, float yaw)
    {
        var back = new Vector3(MathF.Sin(yaw), 0, MathF.Cos(yaw)) * 1.5f;
        return Pose.FromYawPitchRoll(x + back.X, 1f, z + back.Z, yaw, -MathF.Atan2(1f, 1.5f));
    }

    [Test]
    public void Render_FloorInPropShadow_IsDarkerThanEquallyLitFloor()
    {
        World world = RenderTestWorlds.Room(props: [Blocker], light: Light);
        // Both floor points are 1.556 m from the light's foot, so they differ only by the shadow.
        Frame shadowed = Render(world, LookAtFloor(5.556f, 5.5f, 0), size: 65);
        Frame lit = Render(world, LookAtFloor(4f, 7.056f, MathF.PI / 2), size: 65);
        Assert.That(shadowed.ObjectIds![32 * 65 + 32], Is.EqualTo(World.FloorObjectId(0)));
        Assert.That(lit.ObjectIds![32 * 65 + 32], Is.EqualTo(World.FloorObjectId(0)));
        Assert.That(Brightness(shadowed, 32, 32), Is.LessThan(Brightness(lit, 32, 32) * 0.6f));
    }

    [Test]
    public void Render_ShadowsOff_SameFloorPointsAreEquallyBright()
    {
        World world = RenderTestWorlds.Room(props: [Blocker], light: Light);
        var options = RendererOptions.Default with { Threads = 1, Shadows = false };
        Frame a = Render(world, LookAtFloor(5.556f, 5.5f, 0), size: 65, options: options);
        Frame b = Render(world, LookAtFloor(4f, 7.056f, MathF.PI / 2), size: 65, options: options);
        Assert.That(Brightness(a, 32, 32), Is.EqualTo(Brightness(b, 32, 32)).Within(3f));
    }

    [Test]
    public void Render_RedBoxInFrontOfMirrorWall_MirrorShowsRed()
    {
        // The camera faces the mirror wall at z = 1; the red box stands behind the camera.
        var box = RenderTestWorlds.Box(0, new Vector3(5.5f, 1f, 8f), new Vector3(0.4f), RenderTestWorlds.RedMat);
        World world = RenderTestWorlds.Room(wallMaterial: RenderTestWorlds.MirrorMat, props: [box], light: new Vector3(5.5f, 2.5f, 6f));
        Frame f = Render(world, Pose.FromYawPitchRoll(5.5f, 1f, 5f, 0), size: 65);
        var (r, g, b) = Pixel(f, 32, 32);
        Assert.That(f.ObjectIds![32 * 65 + 32], Is.EqualTo(World.WallObjectId(0)), "the mirror itself is the object seen");
        Assert.That(r, Is.GreaterThan(60));
        Assert.That(r, Is.GreaterThan(3 * Math.Max(g, b)));
    }

    [Test]
    public void Render_MirrorWithReflectionsOff_DoesNotShowRed()
    {
        var box = RenderTestWorlds.Box(0, new Vector3(5.5f, 1f, 8f), new Vector3(0.4f), RenderTestWorlds.RedMat);
        World world = RenderTestWorlds.Room(wallMaterial: RenderTestWorlds.MirrorMat, props: [box], light: new Vector3(5.5f, 2.5f, 6f));
        Frame f = Render(world, Pose.FromYawPitchRoll(5.5f, 1f, 5f, 0), size: 65, options: RendererOptions.Default with { Threads = 1, Reflections = false });
        var (r, g, b) = Pixel(f, 32, 32);
        Assert.That(r, Is.LessThan(2 * Math.Max(g, b) + 5));
    }

    [Test]
    public void Render_PoseMovedOneMillimetre_FilteredCheckerFloorBarelyChanges()
    {
        World world = RenderTestWorlds.Room(floorMaterial: RenderTestWorlds.CheckerMat);
        Pose a = Pose.FromYawPitchRoll(5.5f, 0.6f, 9.5f, 0.2f, -0.15f);
        Pose b = a with { Position = a.Position + new Vector3(0.001f, 0, -0.0005f) };
        double diff = MeanAbsoluteDifference(Render(world, a), Render(world, b));
        Assert.That(diff, Is.LessThan(1.0));
    }

    [Test]
    public void Render_TextureFilteringOn_ReducesShimmerComparedToPointSampling()
    {
        World world = RenderTestWorlds.Room(floorMaterial: RenderTestWorlds.CheckerMat);
        var point = RendererOptions.Default with { Threads = 1, TextureFiltering = false };
        double filtered = 0, unfiltered = 0;
        var rng = new Random(7);
        for (int k = 0; k < 4; k++)
        {
            Pose a = Pose.FromYawPitchRoll(2f + 7f * rng.NextSingle(), 0.6f, 9.5f, 0.6f * (rng.NextSingle() - 0.5f), -0.15f);
            Pose b = a with { Position = a.Position + new Vector3(0.01f, 0, -0.01f) };
            filtered += MeanAbsoluteDifference(Render(world, a), Render(world, b));
            unfiltered += MeanAbsoluteDifference(Render(world, a, options: point), Render(world, b, options: point));
        }
        Assert.That(filtered, Is.LessThan(unfiltered * 0.8));
    }

    [Test]
    public void Render_SpecularMaterialFacingLight_ShowsHighlight()
    {
        // A glossy blue sphere under the light is brighter where the light's mirror direction meets the camera.
        var sphere = new Prop(0, PropShape.Sphere, new Vector3(5.5f, 1f, 4f), new Vector3(0.5f), RenderTestWorlds.BlueMat, 0);
        World world = RenderTestWorlds.Room(props: [sphere], light: new Vector3(5.5f, 2.5f, 6f));
        var glossy = Render(world, Pose.FromYawPitchRoll(5.5f, 1f, 6f, 0), size: 65);
        float max = 0, min = float.MaxValue;
        for (int y = 20; y < 45; y++)
        for (int x = 20; x < 45; x++)
        {
            if (glossy.ObjectIds![y * 65 + x] != world.PropObjectId(0)) continue;
            max = MathF.Max(max, Brightness(glossy, x, y));
            min = MathF.Min(min, Brightness(glossy, x, y));
        }
        Assert.That(max - min, Is.GreaterThan(60));
    }

    private static double MeanAbsoluteDifference(Frame a, Frame b)
    {
        long sum = 0;
        for (int k = 0; k < a.Rgb.Length; k++) sum += Math.Abs(a.Rgb[k] - b.Rgb[k]);
        return sum / (double)a.Rgb.Length;
    }
}
