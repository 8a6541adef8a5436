using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Frames;

public class ObservationPipelineTests
{
    /// <summary>A source that draws what its function says and counts its calls.</summary>
    private sealed class FuncSource(Func<IReadOnlyList<ViewRequest>, IReadOnlyList<DrawnView>> draw) : IFrameSource
    {
        public int Calls { get; private set; }
        public string Name => "func";
        public bool DrawsFromContext => true;

        /// <summary>What <see cref="SeedViews"/> returns.</summary>
        public IReadOnlyList<MemorySeed> Seeds { get; init; } = [];

        public IReadOnlyList<MemorySeed> SeedViews(FrameEpisode episode, Pose start, CameraIntrinsics camera) => Seeds;

        public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests)
        {
            Calls++;
            return draw(requests);
        }

        public void Dispose() { }
    }

    private static readonly CameraIntrinsics Camera = CameraIntrinsics.FromVerticalFov(16, 16, MathF.PI / 2);

    private static FrameEpisode Episode() => new(WorldCache.Get(TestScenarios.Small().World), 1);

    private static Frame Flat(int size, byte value) => new(size, size, Enumerable.Repeat(value, size * size * 3).ToArray());

    private static ObservationRequest Request(SpatialMemory? memory, float x, int step) =>
        new(new FrameRequest(Pose.FromYawPitchRoll(x, 1.25f, 2f, 0f), Camera, FrameChannels.Rgb, step), Episode(), memory);

    [Test]
    public void Observe_TwoMemories_OneSourceCallAndEachMemoryKeepsItsRememberedFrame()
    {
        var source = new FuncSource(rs => rs.Select(r => new DrawnView(Flat(16, (byte)r.Frame.Step), Flat(16, 200), r.Frame.Step)).ToArray());
        var pipeline = new ObservationPipeline(source);
        SpatialMemory a = new(), b = new();
        IReadOnlyList<ObservedView> views = pipeline.Observe([Request(a, 1f, 3), Request(b, 4f, 5)]);
        Assert.That(source.Calls, Is.EqualTo(1));
        Assert.That(views.Select(v => v.Frame.Rgb[0]), Is.EqualTo(new byte[] { 3, 5 }), "the observed frames, in request order");
        Assert.That(views.All(v => v.Retrieved is null), Is.True, "empty memories: nothing retrieved");
        MemoryEntry ea = a.Entries.Single(), eb = b.Entries.Single();
        Assert.That((ea.Step, ea.GenerationDepth, ea.Frame.Rgb[0], ea.Pose.Position.X), Is.EqualTo((3, 3, (byte)200, 1f)));
        Assert.That((eb.Step, eb.GenerationDepth, eb.Pose.Position.X), Is.EqualTo((5, 5, 4f)));
    }

    [Test]
    public void Observe_TwoViewsOfOneMemory_NeitherIsTheOthersContext()
    {
        var contexts = new List<int>();
        var source = new FuncSource(rs => rs.Select(r => { contexts.Add(r.Context.Count); return new DrawnView(Flat(16, 1)); }).ToArray());
        var pipeline = new ObservationPipeline(source);
        var memory = new SpatialMemory();
        pipeline.Observe([Request(memory, 1f, 0), Request(memory, 1.01f, 1)]);
        Assert.That(contexts, Is.EqualTo(new[] { 0, 0 }), "retrieval runs for the whole batch before drawing");
        Assert.That(memory.Count, Is.GreaterThanOrEqualTo(1));
    }

    [TestCase(0)]
    [TestCase(2)]
    public void Observe_SourceDrawsWrongCount_ThrowsAndStoresNothing(int count)
    {
        var source = new FuncSource(_ => Enumerable.Range(0, count).Select(_ => new DrawnView(Flat(16, 1))).ToArray());
        var memory = new SpatialMemory();
        var e = Assert.Throws<RtfmGymException>(() => new ObservationPipeline(source).Observe(Request(memory, 1f, 0)));
        Assert.That(e!.Message, Does.Contain("'func' drew " + count + " views for 1 requests"));
        Assert.That(memory.Count, Is.Zero);
    }

    [Test]
    public void Observe_FrameOfWrongSize_ThrowsNamingSourceAndStoresNothing()
    {
        var source = new FuncSource(rs => rs.Select((r, i) => new DrawnView(Flat(i == 1 ? 8 : 16, 1))).ToArray());
        SpatialMemory a = new(), b = new();
        var e = Assert.Throws<RtfmGymException>(() => new ObservationPipeline(source).Observe([Request(a, 1f, 0), Request(b, 2f, 0)]));
        Assert.That(e!.Message, Does.Contain("'func' returned 8x8, expected 16x16"));
        Assert.That(a.Count + b.Count, Is.Zero, "the first view is not stored either");
    }

    [Test]
    public void Seed_SourceWithSeedViews_InsertedAtStepZeroAndDepthZero()
    {
        var seeds = new[] { new MemorySeed(Pose.FromYawPitchRoll(1f, 1.25f, 2f, 0f), Flat(16, 7)), new MemorySeed(Pose.FromYawPitchRoll(1f, 1.25f, 2f, 2f), Flat(16, 8)) };
        var pipeline = new ObservationPipeline(new FuncSource(_ => []) { Seeds = seeds });
        var memory = new SpatialMemory();
        pipeline.Seed(memory, Episode(), seeds[0].Pose, Camera);
        Assert.That(memory.Entries.Select(e => (e.Frame, e.Step, e.GenerationDepth)), Is.EqualTo(seeds.Select(v => (v.Frame, 0, 0))));
        Assert.That(() => pipeline.Seed(null, Episode(), seeds[0].Pose, Camera), Throws.Nothing, "no memory: nothing to seed");
    }
}
