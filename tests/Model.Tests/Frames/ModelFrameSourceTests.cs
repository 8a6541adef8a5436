using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Rendering;
using RtfmGym.Model.Frames;

namespace RtfmGym.Model.Tests.Frames;

public class ModelFrameSourceTests
{
    private static RtfmEnvironment Env(FrameModel model) => new(TinyModels.Scenario(), new ModelFrameSource(model));

    private static RtfmEnvironment Env(ModelFrameSource source) => new(TinyModels.Scenario(), source);

    [Test]
    public void Reset_ModelSource_FirstFrameIsGroundTruthAndSeedsFillMemory()
    {
        using FrameModel model = TinyModels.Random();
        var source = new ModelFrameSource(model);
        using RtfmEnvironment env = Env(source);
        env.Reset(2);
        using var truth = new GroundTruthRenderer();
        truth.BeginEpisode(env.World, 2);
        Frame expected = truth.Render(new FrameRequest(env.Pose, env.Camera));
        Assert.That(env.LastFrame!.Rgb, Is.EqualTo(expected.Rgb));
        Assert.That(env.Memory!.Count, Is.EqualTo(6), "five ground-truth seed headings and the first frame");
        Assert.That(env.Memory.Entries.All(e => source.HasEncoding(e.Frame)), Is.True, "the source keeps every entry's keys and values");
    }

    [Test]
    public void Reset_StartFromImage_MemoryHoldsThePictureAndNoFrameIsGroundTruth()
    {
        using FrameModel model = TinyModels.Random();
        var source = new ModelFrameSource(model);
        using RtfmEnvironment env = Env(source);
        // The picture: a view of another world, so nothing of this world's ground truth can reach the frames.
        using var other = new GroundTruthRenderer();
        other.BeginEpisode(RtfmGym.Env.Worlds.WorldCache.Get(new RtfmGym.Env.Worlds.WorldOptions { Seed = 11, Rooms = 2 }), 1);
        env.Reset(2);
        Frame picture = other.Render(new FrameRequest(env.Pose, env.Camera));
        env.StartFromImages([new RtfmGym.Env.Scenarios.StartImage("other.png", [], picture, null)]);
        var info = env.Reset(2).Info;
        using var truth = new GroundTruthRenderer();
        truth.BeginEpisode(env.World, 2);
        Assert.That(env.LastFrame!.Rgb, Is.Not.EqualTo(truth.Render(new FrameRequest(env.Pose, env.Camera)).Rgb));
        Assert.That(env.LastFrame.Rgb, Is.Not.EqualTo(picture.Rgb), "generated, not copied");
        // The generated first frame stands where the picture was seen, and a memory slot keeps the shallower frame.
        MemoryEntry only = env.Memory!.Entries.Single();
        Assert.That(only.Frame, Is.SameAs(picture), "no ground-truth seed views");
        Assert.That((long[])info["memory_retrieved"]!, Is.EqualTo(new[] { only.Id }), "the first frame is drawn from the picture");
    }

    [Test]
    public void Step_SameSeedAndActions_SameGeneratedFrames()
    {
        using FrameModel model = TinyModels.Random();
        string[] Run()
        {
            using RtfmEnvironment env = Env(model);
            env.Reset(7);
            var sums = new List<string>();
            foreach (long action in new long[] { 1, 2, 2, 1, 3 })
            {
                env.Step(action);
                sums.Add(env.LastFrame!.Checksum());
            }
            return sums.ToArray();
        }
        string[] first = Run(), second = Run();
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(1), "generated frames change with the pose");
    }

    [Test]
    public void Step_ModelSource_InfoNamesSourceAndRetrievedContext()
    {
        using FrameModel model = TinyModels.Random();
        using RtfmEnvironment env = Env(model);
        env.Reset(1);
        var step = env.Step(2L);
        Assert.That(step.Info["frame_source"], Is.EqualTo("model"));
        Assert.That((long[])step.Info["memory_retrieved"]!, Is.Not.Empty);
        Assert.That(env.LastFrame!.Depth, Is.Not.Null, "the scenario asks for depth, which the model generates");
    }

    [Test]
    public void Step_GeneratedFrame_StoredWithoutDepthWhileTruthKeepsIt()
    {
        // Retrieval judges entries by stored depth, and generated depth would mislead it; measured depth stays.
        using FrameModel model = TinyModels.Random();
        using RtfmEnvironment env = Env(model);
        env.Reset(1);
        Assert.That(env.Memory!.Entries.All(e => e.Frame.Depth is not null), Is.True, "seed views and the first frame are ground truth");
        // Forward until the pose leaves the slots of the ground-truth views: a generated frame never replaces one.
        for (int i = 0; i < 6 && env.Memory.Newest(1).Single().Step == 0; i++) env.Step(1L);
        MemoryEntry generated = env.Memory.Newest(1).Single();
        Assert.That(generated.Step, Is.GreaterThan(0));
        Assert.That(generated.GenerationDepth, Is.EqualTo(1), "drawn from ground-truth context");
        Assert.That(env.LastFrame!.Depth, Is.Not.Null, "the observation keeps the generated depth the scenario asks for");
        Assert.That(generated.Frame.Depth, Is.Null);
        Assert.That(generated.Frame.Rgb, Is.EqualTo(env.LastFrame.Rgb));
    }

    [Test]
    public void Step_PreloadedEntriesWithoutEncodings_EncodedOnceAndFramesUnchanged()
    {
        // A memory read from a file (here: drawn by another source) comes without keys and values. Its entries are encoded when first retrieved and
        // kept, and the frames are the same as when every retrieval encodes them afresh.
        using FrameModel model = TinyModels.Random();
        Env.Memory.SpatialMemory recorded;
        using (RtfmEnvironment first = Env(model))
        {
            first.Reset(3);
            foreach (long action in new long[] { 1, 1, 2 }) first.Step(action);
            recorded = first.Memory!.Clone();
        }
        var bare = new Env.Memory.SpatialMemory(recorded.Options);
        bare.WorldSeed = recorded.WorldSeed;
        foreach (var e in recorded.Entries) bare.Insert(e.Pose, e.Frame, e.Step);

        (string[] Sums, int Cached) Run(bool cache)
        {
            var source = new ModelFrameSource(model);
            using RtfmEnvironment env = new(TinyModels.Scenario(), source);
            env.PreloadMemory(bare);
            env.Reset(3);
            var sums = new List<string>();
            foreach (long action in new long[] { 3, 3, 2, 2 })
            {
                if (!cache) source.ForgetEncodings();
                env.Step(action);
                sums.Add(env.LastFrame!.Checksum());
            }
            return (sums.ToArray(), source.CachedEncodings);
        }
        var (cachedSums, cachedCount) = Run(cache: true);
        var (freshSums, _) = Run(cache: false);
        Assert.That(cachedSums, Is.EqualTo(freshSums));
        Assert.That(cachedCount, Is.GreaterThan(0), "preloaded entries were retrieved and their encodings kept");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Restore_ModelSource_SameFramesAsWithoutTheSnapshot(bool intoAnotherSource)
    {
        // The memory copy shares its frames, by which the source finds their keys and values; another source encodes them again, to the same bits.
        using FrameModel model = TinyModels.Random();
        long[] actions = [1, 2, 1, 3, 1, 2];
        using RtfmEnvironment env = Env(model);
        env.Reset(9);
        foreach (long a in actions[..3]) env.Step(a);
        Env.EnvironmentSnapshot snapshot = env.Snapshot();
        string[] straight = actions[3..].Select(a => { env.Step(a); return env.LastFrame!.Checksum(); }).ToArray();
        using RtfmEnvironment other = intoAnotherSource ? Env(model) : null!;
        RtfmEnvironment target = intoAnotherSource ? other : env;
        target.Restore(snapshot);
        string[] restored = actions[3..].Select(a => { target.Step(a); return target.LastFrame!.Checksum(); }).ToArray();
        Assert.That(restored, Is.EqualTo(straight));
    }

    [Test]
    public void Reset_CapturedScenario_TrueViewsInMemoryRenderedOnceAndEncodedWhenRetrieved()
    {
        using FrameModel model = TinyModels.Random();
        var source = new ModelFrameSource(model);
        RtfmGym.Env.Scenarios.Scenario scenario = TinyModels.Scenario() with { Capture = new RtfmGym.Env.Scenarios.CaptureSettings(1.5f, 4) };
        using var env = new RtfmEnvironment(scenario, source);
        env.Reset(2);
        MemoryEntry[] captured = env.Memory!.Entries.Skip(5).Take(env.Memory.Count - 6).ToArray();
        Assert.That(captured, Has.Length.EqualTo(scenario.CapturePoses(env.World).Count).And.Length.GreaterThan(8), "after the five seed headings, before the first frame");
        using var truth = new GroundTruthRenderer();
        truth.BeginEpisode(env.World, 2);
        Frame expected = truth.Render(new FrameRequest(captured[3].Pose, env.Camera, FrameChannels.Rgb | FrameChannels.Depth));
        Assert.That(captured[3].Frame.Rgb, Is.EqualTo(expected.Rgb), "a capture view is the ground truth at its pose");
        Assert.That(captured[3].Frame.Depth, Is.EqualTo(expected.Depth), "with its depth, for retrieval and the model");
        Assert.That(captured.All(e => e.GenerationDepth == 0), Is.True);
        Assert.That(captured.Count(e => source.HasEncoding(e.Frame)), Is.Zero, "nothing encoded before it is retrieved");
        env.Step(1L);
        long[] used = (long[])env.Step(5L).Info["memory_retrieved"]!;
        MemoryEntry[] retrieved = captured.Where(e => used.Contains(e.Id)).ToArray();
        Assert.That(retrieved, Is.Not.Empty, "the step's context holds views of the capture");
        Assert.That(retrieved.All(e => source.HasEncoding(e.Frame)), Is.True, "retrieved capture views are encoded");
        Frame[] before = captured.Select(e => e.Frame).ToArray();
        env.Reset(3);
        Assert.That(env.Memory.Entries.Skip(5).Take(before.Length).Select(e => e.Frame), Is.EqualTo(before).Using<Frame>(ReferenceEqualityComparer.Instance),
            "the same world's capture is kept, not rendered again");
    }

    [Test]
    public void SeedViews_NoEpisode_Throws()
    {
        using FrameModel model = TinyModels.Random();
        using var source = new ModelFrameSource(model);
        Assert.That(() => source.SeedViews(null!, default, TinyModels.Scenario().Camera.Intrinsics()), Throws.ArgumentNullException);
    }
}
