using System.Numerics;
using NUnit.Framework;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;
using static RtfmGym.Env.Tests.Rendering.RenderTestSupport;

namespace RtfmGym.Env.Tests.Rendering;

/// <summary>Determinism, channels, options and call order.</summary>
public class GroundTruthRendererContractTests
{
    private static World Scene() => RenderTestWorlds.Room(floorMaterial: RenderTestWorlds.CheckerMat, props:
    [
        RenderTestWorlds.Box(0, new Vector3(5f, 1f, 5.5f), new Vector3(0.25f), RenderTestWorlds.RedMat),
        new Prop(1, PropShape.Sphere, new Vector3(3f, 0.5f, 3f), new Vector3(0.5f), RenderTestWorlds.MirrorMat, 0),
        new Prop(2, PropShape.Cylinder, new Vector3(7f, 0.5f, 3f), new Vector3(0.4f, 0.5f, 0.4f), RenderTestWorlds.BlueMat, 0),
    ]);

    private static FrameRequest[] Requests(int count, int size = 64)
    {
        var rng = new Random(11);
        return Enumerable.Range(0, count)
            .Select(k => new FrameRequest(Pose.FromYawPitchRoll(2f + 7f * rng.NextSingle(), 0.6f, 2f + 7f * rng.NextSingle(), 6.28f * rng.NextSingle()), Camera(size), FrameChannels.All, k))
            .ToArray();
    }

    private static void AssertSame(Frame a, Frame b)
    {
        Assert.That(a.Rgb, Is.EqualTo(b.Rgb));
        Assert.That(a.Depth, Is.EqualTo(b.Depth));
        Assert.That(a.ObjectIds, Is.EqualTo(b.ObjectIds));
    }

    [Test]
    public void Render_SameRequestTwice_ByteIdentical()
    {
        using var renderer = new GroundTruthRenderer(RendererOptions.Default with { Threads = 1 });
        renderer.BeginEpisode(Scene(), 3);
        FrameRequest request = Requests(1)[0];
        AssertSame(renderer.Render(request), renderer.Render(request));
    }

    [Test]
    public void Render_OneThreadVersusFour_ByteIdentical()
    {
        World world = Scene();
        using var one = new GroundTruthRenderer(RendererOptions.Default with { Threads = 1 });
        using var four = new GroundTruthRenderer(RendererOptions.Default with { Threads = 4 });
        one.BeginEpisode(world, 3);
        four.BeginEpisode(world, 3);
        foreach (FrameRequest r in Requests(3)) AssertSame(one.Render(r), four.Render(r));
    }

    [Test]
    public void RenderBatch_Requests_MatchRenderingEachAlone()
    {
        World world = Scene();
        using var renderer = new GroundTruthRenderer(RendererOptions.Default with { Threads = 3 });
        renderer.BeginEpisode(world, 3);
        FrameRequest[] requests = Requests(5);
        IReadOnlyList<Frame> batch = renderer.RenderBatch(requests);
        Assert.That(batch, Has.Count.EqualTo(5));
        for (int k = 0; k < requests.Length; k++) AssertSame(batch[k], renderer.Render(requests[k]));
    }

    [Test]
    public void BeginEpisode_BakeWithFourThreads_SameFramesAsOneThread()
    {
        // Fresh world instances, so each renderer bakes its own lighting.
        FrameRequest request = Requests(1)[0];
        using var one = new GroundTruthRenderer(RendererOptions.Default with { Threads = 1 });
        using var four = new GroundTruthRenderer(RendererOptions.Default with { Threads = 4 });
        one.BeginEpisode(Scene(), 0);
        four.BeginEpisode(Scene(), 0);
        AssertSame(one.Render(request), four.Render(request));
    }

    [TestCase(FrameChannels.Rgb)]
    [TestCase(FrameChannels.Depth)]
    [TestCase(FrameChannels.ObjectIds)]
    [TestCase(FrameChannels.Rgb | FrameChannels.Depth)]
    [TestCase(FrameChannels.All)]
    public void Render_Channels_ProducesExactlyTheRequestedArrays(FrameChannels channels)
    {
        Frame f = Render(Scene(), Requests(1)[0].Pose, size: 48, channels: channels);
        Assert.That(f.Width, Is.EqualTo(48));
        Assert.That(f.Height, Is.EqualTo(48));
        Assert.That(f.Rgb, Has.Length.EqualTo(48 * 48 * 3));
        Assert.That(f.Depth?.Length, Is.EqualTo(channels.HasFlag(FrameChannels.Depth) ? 48 * 48 : null));
        Assert.That(f.ObjectIds?.Length, Is.EqualTo(channels.HasFlag(FrameChannels.ObjectIds) ? 48 * 48 : null));
    }

    [Test]
    public void Render_NonSquareImage_HasRequestedSize()
    {
        using var renderer = new GroundTruthRenderer(RendererOptions.Default with { Threads = 2 });
        renderer.BeginEpisode(Scene(), 0);
        Frame f = renderer.Render(new FrameRequest(Requests(1)[0].Pose, CameraIntrinsics.FromVerticalFov(96, 40, 1f), FrameChannels.All));
        Assert.That((f.Width, f.Height, f.Rgb.Length, f.Depth!.Length), Is.EqualTo((96, 40, 96 * 40 * 3, 96 * 40)));
    }

    [Test]
    public void Render_Supersampled_KeepsCentreDepthAndChangesColourOnlySlightly()
    {
        World world = Scene();
        Pose pose = Requests(1)[0].Pose;
        Frame plain = Render(world, pose);
        Frame smooth = Render(world, pose, options: RendererOptions.Default with { Threads = 1, Supersampling = 2 });
        Assert.That(smooth.Depth, Is.EqualTo(plain.Depth));
        double diff = plain.Rgb.Zip(smooth.Rgb, (a, b) => Math.Abs(a - b)).Average();
        Assert.That(diff, Is.LessThan(8));
    }

    [Test]
    public void Render_BeforeBeginEpisode_Throws()
    {
        using var renderer = new GroundTruthRenderer();
        Assert.That(() => renderer.Render(Requests(1)[0]), Throws.TypeOf<EnvironmentStateException>());
        Assert.That(renderer.Name, Is.EqualTo("ground-truth"));
    }

    [Test]
    public void RendererOptions_OutOfRangeValues_Throw()
    {
        Assert.That(() => RendererOptions.Default with { Threads = 0 }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => RendererOptions.Default with { Supersampling = 5 }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => RendererOptions.Default with { LightmapTexelsPerMetre = 0 }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(RendererOptions.Default.Shadows && RendererOptions.Default.Reflections && RendererOptions.Default.TextureFiltering, Is.True);
    }
}
