using RtfmGym.Env.Frames;
using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Network;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Network;

public class ContextPointerTests
{
    private static FrameModelConfig WithPointer(int stride = 2) => FrameModelConfig.Tiny with { PointerStride = stride };

    private static TrainingExample Example(int views) =>
        new TrainingDataGenerator(TinyModels.Data, seed: 5).Batch(0, 1, views, SampleKind.Interpolation)[0];

    /// <summary>A 16x16 one-channel frame in token layout (8x8 patches) whose pixel (x, y) holds 100·y + x.</summary>
    private static Tensor CoordinateTokens()
    {
        var layout = new RtfmGym.Model.Geometry.TokenLayout(16, 16, 8, 1);
        var values = new float[layout.Length];
        for (int y = 0; y < 16; y++)
            for (int x = 0; x < 16; x++) values[layout.Index(x, y, 0)] = 100 * y + x;
        return tensor(values, [1, layout.Tokens, layout.TokenValues]);
    }

    [Test]
    public void Windows_StrideOfOnePatch_AreTheTokens()
    {
        using var scope = NewDisposeScope();
        using var g = torch.Generator(1);
        using var pointer = new ContextPointer(width: 16, patch: 8, stride: 8, g);
        Tensor tokens = CoordinateTokens();
        Assert.That(pointer.Windows(tokens, 1, columns: 2).ToArray<float>(), Is.EqualTo(tokens.ToArray<float>()));
    }

    [Test]
    public void Windows_StrideTwo_EveryOffsetInOrderWithShiftedPixels()
    {
        using var scope = NewDisposeScope();
        using var g = torch.Generator(1);
        using var pointer = new ContextPointer(width: 16, patch: 8, stride: 2, g);
        Tensor windows = pointer.Windows(CoordinateTokens(), 1, columns: 2);
        // Offsets 0, 2, 4, 6 per axis: 2 windows at offset 0 and 1 at the others, so (2 + 1 + 1 + 1)² windows.
        Assert.That(windows.shape, Is.EqualTo(new long[] { 1, 25, 64 }));
        float[] w = windows.ToArray<float>();
        // Row offset 0 holds 10 windows, row offset 2 five; row offset 4, column offset 6 is the fifth of the next five: from pixel (6, 4).
        int window = 2 * 5 + 5 + 4;
        Assert.That(w[window * 64], Is.EqualTo(100 * 4 + 6));
        Assert.That(w[window * 64 + 63], Is.EqualTo(100 * (4 + 7) + 6 + 7));
        // Row offset 0, column offset 0, second window: the second patch of the first row, from pixel (8, 0).
        Assert.That(w[64], Is.EqualTo(8));
    }

    [Test]
    public void WindowIndex_EveryOrigin_FindsTheWindowThatStartsThere()
    {
        using var scope = NewDisposeScope();
        using var g = torch.Generator(1);
        using var pointer = new ContextPointer(width: 16, patch: 8, stride: 2, g);
        float[] w = pointer.Windows(CoordinateTokens(), 1, columns: 2).ToArray<float>();
        Assert.That(ContextPointer.WindowCount(8, 2, columns: 2, rows: 2), Is.EqualTo(w.Length / 64));
        var seen = new HashSet<int>();
        for (int y = 0; y <= 8; y += 2)
            for (int x = 0; x <= 8; x += 2)
            {
                int index = ContextPointer.WindowIndex(8, 2, columns: 2, rows: 2, x, y);
                Assert.That(w[index * 64], Is.EqualTo(100 * y + x), $"origin ({x}, {y})");
                seen.Add(index);
            }
        Assert.That(seen, Has.Count.EqualTo(25));
    }

    [TestCase(1, 0)]
    [TestCase(0, 3)]
    [TestCase(-2, 0)]
    [TestCase(10, 0)]
    [TestCase(0, 10)]
    public void WindowIndex_NoWindowStartsThere_Throws(int x, int y) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextPointer.WindowIndex(8, 2, columns: 2, rows: 2, x, y));

    [Test]
    public void OpenCopyGate_NoCopyPath_ThrowsSayingSo()
    {
        using FrameModel plain = TinyModels.Random();
        Assert.That(Assert.Throws<InvalidOperationException>(plain.OpenCopyGate)!.Message, Does.Contain("no copy path"));
    }

    [Test]
    public void Generate_PointerAddedToTrainedNetwork_SameFrameUntilTrained()
    {
        using FrameModel plain = TinyModels.Random();
        using FrameModel pointer = FrameModel.Create(WithPointer(), seed: 2);
        // A warm start copies every weight the two share; the gate keeps its zero start.
        pointer.Network.load_state_dict(plain.Network.state_dict(), strict: false);
        pointer.Network.eval();
        TrainingExample e = Example(views: 3);
        Pose target = e.Centred.Apply(e.TargetPose);
        Frame a = plain.Generate(Encode(plain, e), target, e.Camera, seed: 4);
        Frame b = pointer.Generate(Encode(pointer, e), target, e.Camera, seed: 4);
        Assert.That(b.Rgb, Is.EqualTo(a.Rgb));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Generate_OpenGateTargetViewAsContext_CopiesItsDetail(bool reproject)
    {
        var (model, e, target) = OpenGateModel(reproject);
        using FrameModel _ = model;
        ContextFrame own = model.EncodeContext(e.Target, target, e.Camera);
        Frame copy = model.Generate([own], target, e.Camera, seed: 1);
        // The untrained network alone draws one grey; the copy path's initial direction kernel finds the same pixels.
        Assert.That(Psnr(copy.Rgb, e.Target.Rgb), Is.GreaterThan(40));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Generate_OpenGateTurnedByTwoPixels_ReadsTheViewShifted(bool reproject)
    {
        var (model, e, target) = OpenGateModel(reproject);
        using FrameModel _ = model;
        // Seeded noise: every pixel differs from its neighbours, so only the right shift matches.
        var rng = new Random(7);
        var rgb = new byte[32 * 32 * 3];
        rng.NextBytes(rgb);
        var texture = new Frame(32, 32, rgb);
        // A camera that only turns about the vertical sees the same pixels moved sideways: 2 pixels at the centre.
        float angle = MathF.Atan(2 / e.Camera.Fx);
        Pose turned = new(target.Position, Quaternion.Concatenate(target.Orientation, Quaternion.CreateFromAxisAngle(Vector3.UnitY, angle)));
        Frame read = model.Generate([model.EncodeContext(texture, target, e.Camera)], turned, e.Camera, seed: 1);
        double Matched(int shift) => Psnr(Centre(read.Rgb, 0), Centre(texture.Rgb, shift));
        Assert.That(Math.Max(Matched(-2), Matched(2)), Is.GreaterThan(Matched(0) + 6), "the reading follows the turn");
    }

    /// <summary>The RGB of the 8 middle columns of a 32x32 frame, read <paramref name="shift"/> columns to the right.</summary>
    private static byte[] Centre(byte[] rgb, int shift) =>
        Enumerable.Range(0, 32).SelectMany(y => Enumerable.Range(12 + shift, 8).SelectMany(x => rgb.AsSpan((y * 32 + x) * 3, 3).ToArray())).ToArray();

    [Test]
    public void Generate_FramesEncodedWithoutThePointer_ThrowsNamingIt()
    {
        using FrameModel plain = TinyModels.Random();
        using FrameModel pointer = TinyModels.Random(config: WithPointer());
        TrainingExample e = Example(views: 1);
        Assert.That(() => pointer.Generate(Encode(plain, e), e.TargetPose, e.Camera), Throws.ArgumentException.With.Message.Contains("encoded by another model"));
        Assert.That(() => plain.Generate(Encode(pointer, e), e.TargetPose, e.Camera), Throws.ArgumentException.With.Message.Contains("encoded by another model"));
    }

    [Test]
    public void Generate_ReadsDepthOpenGateTargetViewAsContext_CopiesItsDepth()
    {
        TrainingExample e = Example(views: 1);
        double Error(bool readsDepth, int generationDepth)
        {
            using FrameModel model = FrameModel.Create(WithPointer() with { PointerReprojects = true, ContextDepth = true, PointerReadsDepth = readsDepth }, seed: 3);
            model.OpenCopyGate();
            model.Network.eval();
            Pose target = e.Centred.Apply(e.TargetPose);
            Frame drawn = model.Generate([model.EncodeContext(e.Target, target, e.Camera, generationDepth)], target, e.Camera, seed: 1);
            return RtfmGym.Imaging.DepthMetrics.AbsRel(drawn, e.Target);
        }
        double own = Error(readsDepth: false, generationDepth: 0), read = Error(readsDepth: true, generationDepth: 0);
        Assert.That(read, Is.LessThan(0.05), "the path copies the view's measured depth");
        Assert.That(own, Is.GreaterThan(5 * read), "the untrained network's own depth is far off");
        Assert.That(Error(readsDepth: true, generationDepth: 1), Is.EqualTo(own), "a frame the model drew gives the path no depth");
    }

    [Test]
    public void Generate_DepthInTargetViewAfterAStepForward_NearerTheTruthThanDepthAsSeen()
    {
        Pose view = TinyModels.PoseInWorld7();
        Pose target = view with { Position = view.Position + view.Forward * 0.4f };
        TrainingExample e = TinyModels.Rendered(target, view);
        double Error(bool inView, int generationDepth = 0)
        {
            using FrameModel model = FrameModel.Create(WithPointer() with
            {
                PointerReprojects = true, ContextDepth = true, PointerReadsDepth = true, PointerDepthInTargetView = inView, PointerReadsDrawnDepth = inView,
            }, seed: 3);
            model.OpenCopyGate();
            model.Network.eval();
            ContextFrame context = model.EncodeContext(e.ContextFrames[0], e.Centred.Apply(view), e.Camera, generationDepth);
            return RtfmGym.Imaging.DepthMetrics.AbsRel(model.Generate([context], e.Centred.Apply(target), e.Camera, seed: 1), e.Target);
        }
        double asSeen = Error(inView: false), inTargetView = Error(inView: true);
        Assert.That(inTargetView, Is.LessThan(asSeen / 2), $"depth error {inTargetView:0.000} in the target's view against {asSeen:0.000} as seen");
        Assert.That(Error(inView: true, generationDepth: 1), Is.EqualTo(inTargetView), "a drawn frame's depth is read too");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Read_DepthOnly_SameDepthAsAWholeReadingAndNoColour(bool inTargetView)
    {
        using var scope = NewDisposeScope();
        FrameModelConfig config = WithPointer() with { PointerReprojects = true, ContextDepth = true, PointerReadsDepth = true, PointerDepthInTargetView = inTargetView };
        using var g = torch.Generator(4);
        var pointer = new ContextPointer(config.Width, config.PatchSize, 2, g, new Reprojection(config.PositionScale, config.DepthScale), true, inTargetView);
        TrainingExample e = Example(views: 1);
        int p = config.PatchSize, n = e.Camera.Width / p * (e.Camera.Height / p), columns = e.Camera.Width / p;
        Tensor context = tensor(ModelInputs.Context(e.ContextFrames[0], e.Centred.Apply(e.ContextPoses[0]), e.Camera, config), [1, n, 9 * p * p]);
        Tensor depth = tensor(ModelInputs.ContextDepth(e.ContextFrames[0], config), [1, n, 2 * p * p]);
        var (keys, values) = pointer.Encode(randn([1, n, config.Width], g), context, columns, depth);
        Tensor clean = tensor(ModelInputs.CleanTarget(e.Target, config), [1, n, 4 * p * p]);
        Tensor target = cat([clean, tensor(ModelInputs.Rays(e.Centred.Apply(e.TargetPose), e.Camera, config), [1, n, 6 * p * p])], 2);
        Tensor features = randn([1, n, config.Width], g);
        PointerReading whole = pointer.Read(features, target, keys, values, clean);
        PointerReading depthOnly = pointer.Read(features, target, keys, values, clean, depthOnly: true);
        Assert.That(depthOnly.KnownDepth!.ToArray<float>(), Is.EqualTo(whole.KnownDepth!.ToArray<float>()).Within(1e-5f));
        Assert.That(depthOnly.Known!.ToArray<float>(), Is.EqualTo(whole.Known!.ToArray<float>()).Within(1e-5f));
        Assert.That(depthOnly.Colour.abs().max().item<float>(), Is.EqualTo(0f));
        Assert.That(whole.Colour.abs().max().item<float>(), Is.GreaterThan(0f));
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    public void Validate_DepthInTargetViewWithoutReadingOrReprojection_NamesTheFlags(bool readsDepth, bool reproject)
    {
        var config = FrameModelConfig.Tiny with
        {
            PointerStride = 2, ContextDepth = true, PointerReadsDepth = readsDepth, PointerReprojects = reproject, PointerDepthInTargetView = true,
        };
        Assert.That(() => config.Validate(), Throws.ArgumentException.With.Message.Contains("--copy-depth-in-target-view"));
        Assert.That(() => (config with { PointerReadsDepth = false, PointerDepthInTargetView = false, PointerReadsDrawnDepth = true }).Validate(),
            Throws.ArgumentException.With.Message.Contains("--copy-reads-drawn-depth"));
    }

    [TestCase(false, 2)]
    [TestCase(true, 0)]
    public void Validate_ReadsDepthWithoutContextDepthOrPath_NamesTheFlags(bool contextDepth, int stride)
    {
        var config = FrameModelConfig.Tiny with { PointerReadsDepth = true, ContextDepth = contextDepth, PointerStride = stride };
        Assert.That(() => config.Validate(), Throws.ArgumentException.With.Message.Contains("--copy-reads-depth"));
    }

    [Test]
    public void EncodeContext_PointerModel_KeepsColourNotWindows()
    {
        using FrameModel model = TinyModels.Random(config: WithPointer());
        TrainingExample e = Example(views: 1);
        ContextFrame c = model.EncodeContext(e.Target, e.TargetPose, e.Camera);
        // 32x32 at stride 2: (4 + 3 + 3 + 3)² windows; the colour tokens stand in for their pixels.
        Assert.That(c.PointerWindows, Is.EqualTo(13 * 13));
        Assert.That(c.Blocks, Is.EqualTo(model.Config.Depth));
        Assert.That(c.Values[^1], Has.Length.EqualTo(32 * 32 * 3));
    }

    private static ContextFrame[] Encode(FrameModel model, TrainingExample e) =>
        e.ContextFrames.Select((f, i) => model.EncodeContext(f, e.Centred.Apply(e.ContextPoses[i]), e.Camera)).ToArray();

    /// <summary>An untrained model whose copy path's gate is fully open (its colour is the reading), and a one-view example with its target pose.</summary>
    private static (FrameModel Model, TrainingExample Example, Pose Target) OpenGateModel(bool reproject = false)
    {
        FrameModel model = FrameModel.Create(WithPointer() with { PointerReprojects = reproject }, seed: 3);
        model.OpenCopyGate();
        model.Network.eval();
        TrainingExample e = Example(views: 1);
        return (model, e, e.Centred.Apply(e.TargetPose));
    }

    private static double Psnr(byte[] a, byte[] b)
    {
        double mse = a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Average();
        return mse == 0 ? 100 : 10 * Math.Log10(255.0 * 255.0 / mse);
    }
}
