using System.Numerics;
using System.Text.Json.Nodes;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Tests.Episodes;
using RtfmGym.Env.Tests.IO;

namespace RtfmGym.Env.Tests;

/// <summary>Episodes that start from pictures: the pictures go into the memory instead of the source's seed views, and frames are drawn from them.</summary>
public class EnvironmentStartImagesTests
{
    private static readonly EnvironmentComponents Echoing = EnvironmentComponents.BuiltIn with
    {
        FrameSources = FrameSourceRegistry.BuiltIn.With(EchoSource.SourceName, _ => new EchoSource()),
    };

    private static StartImage Image(int seed, FloorPose? pose = null, int size = 32)
    {
        var (png, _) = TestPng.Rgb(size, size, seed);
        return StartImage.FromPng($"image-{seed}.png", png, pose);
    }

    private static Scenario Small(params StartImage[] images) => TestScenarios.Small(EchoSource.SourceName) with { StartImages = images };

    [Test]
    public void Reset_ScenarioWithImages_MemoryHoldsTheImagesNotTheSeedViews()
    {
        var posed = new FloorPose(new Vector2(5, 5), 0.5f);
        using var env = new RtfmEnvironment(Small(Image(1), Image(2, posed)), components: Echoing);
        env.Reset(3);
        MemoryEntry[] entries = env.Memory!.Entries.ToArray();
        Assert.That(entries.Take(2).Select(e => e.Frame.Rgb), Is.EqualTo(new[] { Image(1).Frame.Rgb, Image(2).Frame.Rgb }));
        Assert.That(entries[0].Pose, Is.EqualTo(env.Pose), "a pose-less image is seen from the start pose");
        Assert.That(entries[1].Pose, Is.EqualTo(posed.ToCamera(env.Scenario.Camera)));
        Assert.That(entries.Select(e => e.Frame.Rgb[0]), Has.None.EqualTo(EchoSource.SeedMarker), "no seed view of the source");
        Assert.That(entries.Take(2).Select(e => (e.Step, e.GenerationDepth)), Has.All.EqualTo((0, 0)));
    }

    [Test]
    public void Reset_ScenarioWithImage_FirstFrameIsDrawnFromIt()
    {
        using var env = new RtfmEnvironment(Small(Image(1)), components: Echoing);
        env.Reset(3);
        Assert.That(env.LastFrame!.Rgb, Is.EqualTo(Image(1).Frame.Rgb), "the echo source returns its first context frame");
    }

    [Test]
    public void Reset_ScenarioWithoutImages_SeedsFromTheSource()
    {
        using var env = new RtfmEnvironment(Small(), components: Echoing);
        env.Reset(3);
        Assert.That(env.Memory!.Entries.First().Frame.Rgb[0], Is.EqualTo(EchoSource.SeedMarker));
    }

    [Test]
    public void StartFromImages_ThenNull_GoesBackToTheScenarios()
    {
        using var env = new RtfmEnvironment(Small(Image(1)), components: Echoing);
        env.StartFromImages([Image(7)]);
        env.Reset(3);
        Assert.That(env.Memory!.Entries.First().Frame.Rgb, Is.EqualTo(Image(7).Frame.Rgb));
        env.StartFromImages(null);
        env.Reset(3);
        Assert.That(env.Memory!.Entries.First().Frame.Rgb, Is.EqualTo(Image(1).Frame.Rgb));
        Assert.That(env.StartImages.Single().File, Is.EqualTo("image-1.png"));
    }

    [Test]
    public void StartFromImages_WrongSize_ThrowsNamingBothSizes()
    {
        using var env = new RtfmEnvironment(Small(), components: Echoing);
        var e = Assert.Throws<RtfmGymException>(() => env.StartFromImages([Image(1, size: 16)]));
        Assert.That(e!.Message, Does.Contain("16x16").And.Contain("32x32"));
    }

    [Test]
    public void Constructor_ScenarioImageOfWrongSize_Throws() =>
        Assert.Throws<RtfmGymException>(() => new RtfmEnvironment(Small(Image(1, size: 16)), components: Echoing));

    [Test]
    public void Replay_RecordOfAnUploadedImage_ReplaysBitForBitWithoutTheScenarioNamingIt()
    {
        var env = new RtfmEnvironment(Small(), components: Echoing);
        env.StartFromImages([Image(9, new FloorPose(new Vector2(4, 4), 1f))]);
        EpisodeRecord record = EpisodeReplayerTests.Record(env, 12, seed: 21);
        EpisodeRecord read = EpisodeRecordReader.FromJson(JsonNode.Parse(record.ToJson().ToJsonString())!.AsObject(), "record.json");
        Assert.That(read.StartImages.Single().Png, Is.EqualTo(record.StartImages.Single().Png));
        Assert.That(read.StartImages.Single().Pose, Is.EqualTo(record.StartImages.Single().Pose));
        Assert.That(EpisodeReplayer.Replay(read, components: Echoing).Steps, Is.EqualTo(record.Steps.Count));
        var e = Assert.Throws<ReplayMismatchException>(() => EpisodeReplayer.Replay(read with { StartImages = [] }, components: Echoing));
        Assert.That(e!.Step, Is.EqualTo(0), "without the image the first frame differs");
    }

    [Test]
    public void Replay_RecordOfAScenarioFileWithImages_NeedsNoImageFile()
    {
        string dir = Directory.CreateTempSubdirectory("rtfmgym-start-replay-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "view.png"), TestPng.Rgb(32, 32, seed: 6).Png);
            string path = Path.Combine(dir, "scene.yaml");
            File.WriteAllText(path, $"name: scene\nframes: {EchoSource.SourceName}\nworld: {{ seed: 3, rooms: 3 }}\ncamera: {{ width: 32, height: 32 }}\nstart_images:\n  - file: view.png\n");
            EpisodeRecord record = EpisodeReplayerTests.Record(new RtfmEnvironment(ScenarioLoader.Load(path), components: Echoing), 8, seed: 2);
            Directory.Delete(dir, recursive: true);
            Assert.That(EpisodeReplayer.Replay(record, components: Echoing).Steps, Is.EqualTo(record.Steps.Count));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void ToJson_EpisodeWithoutImages_HasNoStartImagesField()
    {
        EpisodeRecord record = EpisodeReplayerTests.Record(new RtfmEnvironment(TestScenarios.Small()), 3, seed: 1);
        Assert.That(record.ToJson().ContainsKey("start_images"), Is.False);
    }

    /// <summary>A source drawing from context that returns its first context frame's colours (black without one; depth 1 m) as a generated frame; its seed view is all <see cref="SeedMarker"/>.</summary>
    private sealed class EchoSource : IFrameSource
    {
        public const string SourceName = "echo";
        public const byte SeedMarker = 201;
        public string Name => SourceName;
        public bool DrawsFromContext => true;

        public IReadOnlyList<MemorySeed> SeedViews(FrameEpisode episode, Pose start, CameraIntrinsics camera) =>
            [new MemorySeed(start, new Frame(camera.Width, camera.Height, Enumerable.Repeat(SeedMarker, camera.Width * camera.Height * 3).ToArray()))];

        public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests) => requests.Select(r =>
        {
            CameraIntrinsics c = r.Frame.Camera;
            byte[] rgb = r.Context.Count > 0 ? (byte[])r.Context[0].Frame.Rgb.Clone() : new byte[c.Width * c.Height * 3];
            float[]? depth = r.Frame.Channels.HasFlag(FrameChannels.Depth) ? Enumerable.Repeat(1f, c.Width * c.Height).ToArray() : null;
            var frame = new Frame(c.Width, c.Height, rgb, depth);
            return new DrawnView(frame, frame, GenerationDepth: 1); // generated, as a model's: the memory keeps a picture over it
        }).ToArray();

        public void Dispose() { }
    }
}
