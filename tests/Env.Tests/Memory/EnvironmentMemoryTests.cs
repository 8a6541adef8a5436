using RtfmGym.Env.Frames;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Memory;

public class EnvironmentMemoryTests
{
    [Test]
    public void Step_WithMemory_InfoHasSizeAndRetrievedIdsAndScores()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        var reset = env.Reset(3);
        Assert.That(reset.Info["memory_size"], Is.EqualTo(1));
        Assert.That(reset.Info.ContainsKey("memory_retrieved"), Is.False, "nothing to retrieve from at reset");

        var step = env.Step(5L); // turn left: the view overlaps the reset frame
        var ids = (long[])step.Info["memory_retrieved"]!;
        var scores = (double[])step.Info["memory_scores"]!;
        Assert.That(ids, Is.Not.Empty);
        Assert.That(scores, Has.Length.EqualTo(ids.Length));
        Assert.That((int)step.Info["memory_size"]!, Is.EqualTo(env.Memory!.Count));
    }

    [Test]
    public void Step_SourceKeepsOtherFrame_MemoryStoresSourcesMemoryFrame()
    {
        // A source with generated depth keeps its frames without it; the observation still has everything drawn.
        var source = new RecordingSource { Keep = drawn => new Frame(drawn.Width, drawn.Height, drawn.Rgb) };
        using var env = new RtfmEnvironment(TestScenarios.Small(), source, new SpatialMemory());
        env.Reset(3);
        env.Step(5L);
        MemoryEntry newest = env.Memory!.Newest(1).Single();
        Assert.That(newest.Frame, Is.Not.SameAs(env.LastFrame));
        Assert.That(newest.Frame.Rgb, Is.EqualTo(env.LastFrame!.Rgb));
        Assert.That(newest.Frame.Depth, Is.Null);
        Assert.That(newest.Frame, Is.SameAs(source.Remembered[1]));
        Assert.That(newest.GenerationDepth, Is.EqualTo(1));
    }

    [Test]
    public void Step_WithoutMemory_NoMemoryInfo()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small());
        var step = (env.Reset(3), env.Step(1L)).Item2;
        Assert.That(step.Info.Keys, Has.None.StartsWith("memory_"));
        Assert.That(env.Memory, Is.Null);
    }

    [Test]
    public void Reset_WithMemory_StartsEmpty()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), memory: new SpatialMemory());
        env.Reset(3);
        for (int i = 0; i < 5; i++) env.Step(1L);
        env.Reset(4);
        Assert.That(env.Memory!.Count, Is.EqualTo(1));
    }

    [Test]
    public void Step_ContextSource_ReceivesRetrievedContextAndMemoryStoresRememberedFrames()
    {
        var source = new RecordingSource();
        using var env = new RtfmEnvironment(TestScenarios.Small(), source, new SpatialMemory());
        env.Reset(3);
        var step = env.Step(5L);
        Assert.That(source.Contexts[0], Is.Empty);
        Assert.That(source.Contexts[1].Select(e => e.Id), Is.EqualTo((long[])step.Info["memory_retrieved"]!));
        Assert.That(env.Memory!.Entries.Select(e => e.Frame), Is.EqualTo(source.Remembered).Using<Frame>(ReferenceEqualityComparer.Instance));
        Assert.That(env.Memory.Entries.Select(e => e.GenerationDepth), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Constructor_ContextSourceWithoutMemory_GetsDefaultMemory()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(), new RecordingSource());
        Assert.That(env.Memory, Is.Not.Null);
        Assert.That(env.Memory!.Options, Is.EqualTo(new SpatialMemoryOptions()));
    }

    [Test]
    public void Reset_SourceWithSeedViews_SeedsAreInMemoryAndInFirstContext()
    {
        var source = new RecordingSource { SeedYaws = [0.6f, -0.6f] };
        using var env = new RtfmEnvironment(TestScenarios.Small(), source);
        var reset = env.Reset(3);
        Assert.That(reset.Info["memory_size"], Is.EqualTo(3), "two seed views and the first frame");
        Assert.That(source.Contexts[0], Has.Count.GreaterThan(0), "the first frame is drawn with the seeds as context");
        Assert.That(env.Memory!.Entries.Take(2).Select(e => e.Frame), Is.EqualTo(source.Seeds).Using<Frame>(ReferenceEqualityComparer.Instance));
    }

    [Test]
    public void Reset_ScenarioWithCapture_SourceSeedsCaptureViewsAtTheirPoses()
    {
        var source = new RecordingSource();
        Scenario scenario = TestScenarios.Small(extra: "capture: { spacing: 1.5, headings: 4 }");
        using var env = new RtfmEnvironment(scenario, source);
        env.Reset(3);
        IReadOnlyList<RtfmGym.Env.Geometry.Pose> poses = source.Episodes[0].CapturePoses;
        IReadOnlyList<RtfmGym.Env.Geometry.FloorPose> floor = scenario.Capture!.Poses(env.World, scenario.AgentRadius);
        Assert.That(poses, Has.Count.EqualTo(floor.Count).And.Count.GreaterThan(8));
        for (int i = 0; i < poses.Count; i++)
        {
            Assert.That(poses[i].Position.X, Is.EqualTo(floor[i].Position.X).Within(1e-5));
            Assert.That(poses[i].Position.Z, Is.EqualTo(floor[i].Position.Y).Within(1e-5));
            Assert.That(poses[i].Position.Y, Is.EqualTo(scenario.Camera.MountHeight).Within(1e-5), "placed as the agent's camera");
        }
        env.Reset(4);
        Assert.That(source.Episodes[1].CapturePoses, Is.SameAs(poses), "one world, one capture");
    }

    [Test]
    public void Reset_CaptureWithGroundTruthSource_EpisodeHasNoCapture()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(frames: "ground-truth", extra: "capture: { spacing: 1 }"), memory: new SpatialMemory());
        env.Reset(3);
        Assert.That(env.Memory!.Count, Is.EqualTo(1), "the ground truth draws nothing from context: only the first frame");
    }

    [Test]
    public void Reset_CaptureLargerThanMemory_RefusedNamingSpacingAndEnvironmentUnchanged()
    {
        var source = new RecordingSource();
        using var env = new RtfmEnvironment(TestScenarios.Small(extra: "capture: { spacing: 0.25, headings: 36 }"), source, new SpatialMemory());
        var e = Assert.Throws<RtfmGymException>(() => env.Reset(3))!;
        Assert.That(e.Message, Does.Contain("capture.spacing").And.Contain("4,096"));
        Assert.That(source.Episodes, Is.Empty, "refused before anything was drawn");
        Assert.That(() => env.Step(1L), Throws.InstanceOf<EnvironmentStateException>(), "still not started");
    }

    [Test]
    public void Step_LongWalkWithMemory_SizeBoundedBySlots()
    {
        using var env = new RtfmEnvironment(TestScenarios.Small(task: "free"), memory: new SpatialMemory());
        env.Reset(5);
        var rng = new RtfmGym.Env.Randomness.Rng(1);
        var slots = new HashSet<MemorySlot>();
        for (int i = 0; i < 59; i++)
        {
            env.Step((long)rng.NextInt(1, 7)); // any move or turn, never stop
            slots.Add(MemorySlot.Of(env.Pose, env.Memory!.Options));
        }
        Assert.That(env.Memory!.Count, Is.LessThanOrEqualTo(slots.Count + 1));
    }

    /// <summary>A constant source that draws from context: it records the context it is given and the frames it asks the memory to keep (generation depth = step).</summary>
    private sealed class RecordingSource : IFrameSource
    {
        private readonly ConstantFrameSource _inner = new();

        public List<IReadOnlyList<MemoryEntry>> Contexts { get; } = [];

        /// <summary>The episodes seeded, in order.</summary>
        public List<FrameEpisode> Episodes { get; } = [];

        /// <summary>The frames given to the memory to keep, in drawing order.</summary>
        public List<Frame> Remembered { get; } = [];

        /// <summary>The seed frames offered, in order.</summary>
        public List<Frame> Seeds { get; } = [];

        public string Name => "recording";

        public bool DrawsFromContext => true;

        /// <summary>Yaw offsets (radians) of the seed views this source offers at reset.</summary>
        public float[] SeedYaws { get; init; } = [];

        public IReadOnlyList<MemorySeed> SeedViews(FrameEpisode episode, RtfmGym.Env.Geometry.Pose start, RtfmGym.Env.Geometry.CameraIntrinsics camera)
        {
            Episodes.Add(episode);
            MemorySeed[] seeds = SeedYaws.Select(yaw => new MemorySeed(
                start with { Orientation = System.Numerics.Quaternion.CreateFromAxisAngle(System.Numerics.Vector3.UnitY, yaw) * start.Orientation },
                _inner.DrawOne(new ViewRequest(new FrameRequest(start, camera), episode)).Observed)).ToArray();
            Seeds.AddRange(seeds.Select(v => v.Frame));
            return seeds;
        }

        public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests) => requests.Select(r =>
        {
            Contexts.Add(r.Context);
            Frame drawn = _inner.DrawOne(r).Observed;
            Frame kept = Keep?.Invoke(drawn) ?? drawn;
            Remembered.Add(kept);
            return new DrawnView(drawn, kept, r.Frame.Step);
        }).ToArray();

        /// <summary>What the memory keeps of a drawn frame; null keeps it as drawn.</summary>
        public Func<Frame, Frame>? Keep { get; init; }

        public void Dispose() { }
    }
}
