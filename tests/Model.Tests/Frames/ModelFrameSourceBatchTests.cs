using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;
using RtfmGym.Model.Frames;

namespace RtfmGym.Model.Tests.Frames;

public class ModelFrameSourceBatchTests
{
    /// <summary>
    /// Views along a short walk of the tiny scenario's world, each with the context a memory gives it: the reset
    /// view (no context yet besides the seeds), then steps with growing context, as N environments would ask.
    /// </summary>
    private static ViewRequest[] Requests(ModelFrameSource source, int count)
    {
        Scenario scenario = TinyModels.Scenario();
        CameraIntrinsics camera = scenario.Camera.Intrinsics();
        var episode = new FrameEpisode(WorldCache.Get(scenario.World), 11);
        var pipeline = new ObservationPipeline(source);
        var memory = new SpatialMemory();
        Pose start = new FloorPose(new System.Numerics.Vector2(episode.World.SizeX / 2f, episode.World.SizeZ / 2f), 0.3f).ToCamera(scenario.Camera);
        pipeline.Seed(memory, episode, start, camera);
        var requests = new List<ViewRequest>();
        for (int step = 0; step < count; step++)
        {
            Pose pose = start with { Orientation = System.Numerics.Quaternion.CreateFromAxisAngle(System.Numerics.Vector3.UnitY, 0.4f * step) * start.Orientation };
            var frame = new FrameRequest(pose, camera, FrameChannels.Rgb | FrameChannels.Depth, step);
            // Every other view without context: the batch mixes context counts.
            IReadOnlyList<MemoryEntry> context = step % 2 == 1 ? [] : memory.Retrieve(pose, camera).Select(s => s.Entry).ToArray();
            requests.Add(new ViewRequest(frame, step % 3 == 2 ? episode with { Seed = 12 } : episode, context));
            pipeline.Observe(new ObservationRequest(frame, episode, memory));
        }
        return requests.ToArray();
    }

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(2, true)]
    public void Draw_BatchOfRequests_EqualsOneCallPerRequest(int pointerStride, bool reproject = false)
    {
        using FrameModel model = TinyModels.Random(config: FrameModelConfig.Tiny with { PointerStride = pointerStride, PointerReprojects = reproject });
        using var source = new ModelFrameSource(model);
        ViewRequest[] requests = Requests(source, 7);
        Assume.That(requests.Select(r => Math.Min(r.Context.Count, model.Config.MaxContext)).Distinct().Count(), Is.GreaterThan(1), "context counts differ");
        IReadOnlyList<DrawnView> batch = source.Draw(requests);
        Assert.That(batch, Has.Count.EqualTo(requests.Length));
        for (int i = 0; i < requests.Length; i++)
        {
            DrawnView alone = source.DrawOne(requests[i]);
            Assert.That(batch[i].GenerationDepth, Is.EqualTo(alone.GenerationDepth), $"request {i}");
            Assert.That(batch[i].Remembered.Depth is null, Is.EqualTo(alone.Remembered.Depth is null), $"request {i}");
            // Batched matrix products round differently; a colour byte may move by one.
            int worst = batch[i].Observed.Rgb.Zip(alone.Observed.Rgb, (a, b) => Math.Abs(a - b)).Max();
            Assert.That(worst, Is.LessThanOrEqualTo(1), $"request {i}");
            Assert.That(batch[i].Observed.Depth!.Zip(alone.Observed.Depth!, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(0.01f), $"request {i}: depth within a centimetre");
        }
    }

    [Test]
    public void Draw_OneRequest_SameBitsAsTheSingleFrameModelCalls()
    {
        using FrameModel model = TinyModels.Random();
        using var source = new ModelFrameSource(model);
        ViewRequest request = Requests(source, 4)[2];
        DrawnView drawn = source.DrawOne(request);
        var centre = new RtfmGym.Model.Geometry.RigidMotion(0f, -RtfmGym.Model.Training.TrainingDataGenerator.CentreOf(request.Episode.World));
        ContextFrame[] context = request.Context.Take(model.Config.MaxContext)
            .Select(e => model.EncodeContext(e.Frame, centre.Apply(e.Pose), request.Frame.Camera, e.GenerationDepth)).ToArray();
        Frame expected = model.Generate(context, centre.Apply(request.Frame.Pose), request.Frame.Camera, source.Options.Sampler,
            ModelFrameSource.NoiseSeed(request.Episode.Seed, request.Frame.Step));
        Assert.That(drawn.Observed.Rgb, Is.EqualTo(expected.Rgb));
        Assert.That(drawn.Observed.Depth, Is.EqualTo(expected.Depth));
    }

    [Test]
    public void VectorStep_FourModelWorldsShareOneSource_OneDrawCallPerStep()
    {
        using FrameModel model = TinyModels.Random();
        using var source = new RtfmGym.Model.Benchmarks.TimedFrameSource(new ModelFrameSource(model));
        using var v = new Env.Vector.VectorEnvironment(Enumerable.Range(0, 4).Select(_ => (Env.IEnvironment)new Env.RtfmEnvironment(TinyModels.Scenario(), source)).ToArray());
        v.Reset(5);
        for (int t = 0; t < 3; t++) v.Step([1L, 2L, 3L, 1L]);
        Assert.That(source.RenderMs, Has.Count.EqualTo(4), "one call at reset and one per step");
    }

    [Test]
    public void Draw_EmptyList_DrawsNothing()
    {
        using FrameModel model = TinyModels.Random();
        using var source = new ModelFrameSource(model);
        Assert.That(source.Draw([]), Is.Empty);
    }
}
