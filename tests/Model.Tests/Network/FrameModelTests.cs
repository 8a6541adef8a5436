using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Sampling;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Network;

public class FrameModelTests
{
    private static TrainingExample Example(int views = 3, long batch = 0) =>
        new TrainingDataGenerator(TinyModels.Data, seed: 5).Batch(batch, 1, views, SampleKind.Interpolation)[0];

    private static ContextFrame[] Encode(FrameModel model, TrainingExample e) =>
        e.ContextFrames.Select((f, i) => model.EncodeContext(f, e.Centred.Apply(e.ContextPoses[i]), e.Camera)).ToArray();

    [Test]
    public void Generate_TinyModel_FrameOfCameraSizeWithDepth()
    {
        using FrameModel model = TinyModels.Random();
        TrainingExample e = Example();
        Frame frame = model.Generate(Encode(model, e), e.Centred.Apply(e.TargetPose), e.Camera);
        Assert.That((frame.Width, frame.Height), Is.EqualTo((32, 32)));
        Assert.That(frame.Depth, Has.Length.EqualTo(32 * 32));
        Assert.That(frame.Depth!.All(d => d >= 0 && float.IsFinite(d)), Is.True);
    }

    [Test]
    public void Generate_SameSeed_SameBytes_OtherSeed_Differs()
    {
        using FrameModel model = TinyModels.Random();
        TrainingExample e = Example();
        ContextFrame[] context = Encode(model, e);
        Pose target = e.Centred.Apply(e.TargetPose);
        Frame a = model.Generate(context, target, e.Camera, new SamplerSettings(3), seed: 9);
        Frame b = model.Generate(context, target, e.Camera, new SamplerSettings(3), seed: 9);
        Frame c = model.Generate(context, target, e.Camera, new SamplerSettings(3), seed: 10);
        Assert.That(a.Rgb, Is.EqualTo(b.Rgb));
        Assert.That(a.Rgb, Is.Not.EqualTo(c.Rgb));
    }

    [TestCase(0, 0)]
    [TestCase(2, 0)]
    [TestCase(0, 2)]
    [TestCase(2, 4)]
    [TestCase(0, 2, true)]
    [TestCase(0, 2, true, true)]
    [TestCase(0, 2, true, true, true)]
    public void Generate_CachedContext_SameAsEncodingContextAfresh(int rayRopeFrequencies, int pointerStride, bool reproject = false, bool readsDepth = false, bool inView = false)
    {
        using FrameModel model = TinyModels.Random(config: FrameModelConfig.Tiny with
        {
            RayRopeFrequencies = rayRopeFrequencies, PointerStride = pointerStride, PointerReprojects = reproject, ContextDepth = readsDepth, PointerReadsDepth = readsDepth,
            PointerDepthInTargetView = inView,
        });
        // With the gate open the frame is what the path reads, so the depth it reads (and reads again by) shows in it.
        if (readsDepth) model.OpenCopyGate();
        FrameModelConfig config = model.Config;
        TrainingExample e = Example(views: 3);
        Pose target = e.Centred.Apply(e.TargetPose);
        ContextFrame[] cached = Encode(model, e);

        // The cached path: one denoising step from fixed noise is the network's x0 estimate from that noise.
        using var scope = NewDisposeScope();
        int tokens = 16, outValues = config.OutputPatchValues, rayValues = 6 * 64;
        Tensor noise;
        using (var g = torch.Generator(3)) noise = randn([1, tokens, outValues], g);
        Frame viaCache = model.Generate(cached, target, e.Camera, new SamplerSettings(1), seed: 3);

        // Afresh: the whole network in one pass over raw context tokens, as training runs it.
        var contextValues = e.ContextFrames.SelectMany((f, i) => ModelInputs.Context(f, e.Centred.Apply(e.ContextPoses[i]), e.Camera, config)).ToArray();
        Tensor x0;
        using (no_grad())
        {
            Tensor input = cat([noise, tensor(ModelInputs.Rays(target, e.Camera, config), [1, tokens, rayValues])], 2);
            Tensor? depth = readsDepth ? tensor(e.ContextFrames.SelectMany(f => ModelInputs.ContextDepth(f, config)).ToArray(), [3, tokens, config.ContextDepthPatchValues]) : null;
            x0 = model.Network.Forward(tensor(contextValues, [3, tokens, config.ContextPatchValues]), config.ImageSize / config.PatchSize, 3, input, full([1], 1.0), null, depth).clamp(-1, 1);
        }
        Frame afresh = FrameEncoding.ReadFrame(x0.ToArray<float>(), ModelInputs.OutputLayout(32, 32, config), config.DepthScale);
        Assert.That(viaCache.Rgb, Is.EqualTo(afresh.Rgb));
        Assert.That(viaCache.Depth, Is.EqualTo(afresh.Depth).Within(0.01).Percent);
    }

    [Test]
    public void Generate_RayRopeAddedToTrainedNetwork_SameFrameUntilTrained()
    {
        using FrameModel plain = TinyModels.Random();
        using FrameModel rope = FrameModel.Create(FrameModelConfig.Tiny with { RayRopeFrequencies = 3 }, seed: 2);
        // A warm start copies every weight the two share; the rotary query projections keep their zero start.
        rope.Network.load_state_dict(plain.Network.state_dict(), strict: false);
        rope.Network.eval();
        TrainingExample e = Example(views: 3);
        Pose target = e.Centred.Apply(e.TargetPose);
        Frame a = plain.Generate(Encode(plain, e), target, e.Camera, seed: 4);
        Frame b = rope.Generate(Encode(rope, e), target, e.Camera, seed: 4);
        int maxDiff = a.Rgb.Zip(b.Rgb, (x, y) => Math.Abs(x - y)).Max();
        Assert.That(maxDiff, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void Generate_ContextOrderOfCachedFrames_DoesNotMatter()
    {
        using FrameModel model = TinyModels.Random();
        TrainingExample e = Example(views: 3);
        ContextFrame[] context = Encode(model, e);
        Pose target = e.Centred.Apply(e.TargetPose);
        Frame forward = model.Generate(context, target, e.Camera, seed: 1);
        Frame reversed = model.Generate(context.Reverse().ToArray(), target, e.Camera, seed: 1);
        // Attention is a weighted sum over keys: the order only changes float summation order.
        int maxDiff = forward.Rgb.Zip(reversed.Rgb, (x, y) => Math.Abs(x - y)).Max();
        Assert.That(maxDiff, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void Generate_ContextFromAnotherShape_ThrowsNamingIt()
    {
        using FrameModel tiny = TinyModels.Random();
        using FrameModel other = FrameModel.Create(FrameModelConfig.Tiny with { Depth = 1 });
        TrainingExample e = Example(views: 1);
        ContextFrame[] context = Encode(other, e);
        Assert.That(() => tiny.Generate(context, e.TargetPose, e.Camera), Throws.ArgumentException.With.Message.Contains("encoded by another model"));
    }

    [Test]
    public void EncodeContext_ImageSizeNotMultipleOfPatch_Throws()
    {
        using FrameModel model = TinyModels.Random();
        var camera = CameraIntrinsics.FromVerticalFov(36, 36, 1.5f);
        var frame = new Frame(36, 36, new byte[36 * 36 * 3]);
        Assert.That(() => model.EncodeContext(frame, Pose.Identity, camera), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(2, true)]
    public void Generate_ManyFrames_NoTensorLeft(int pointerStride, bool reproject = false)
    {
        using FrameModel model = TinyModels.Random(config: FrameModelConfig.Tiny with { PointerStride = pointerStride, PointerReprojects = reproject });
        TrainingExample e = Example(views: 2);
        ContextFrame[] context = Encode(model, e);
        model.Generate(context, e.TargetPose, e.Camera, seed: 0);
        long live = Tensor.LiveCount;
        for (int i = 0; i < 30; i++)
        {
            model.EncodeContext(e.Target, e.TargetPose, e.Camera);
            model.Generate(context, e.TargetPose, e.Camera, seed: (ulong)i);
        }
        Assert.That(Tensor.LiveCount, Is.EqualTo(live));
    }
}
