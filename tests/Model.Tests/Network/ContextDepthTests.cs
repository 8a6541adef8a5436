using RtfmGym.Env.Frames;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Network;

/// <summary>Context frames that give the network their depth (<see cref="FrameModelConfig.ContextDepth"/>).</summary>
public sealed class ContextDepthTests
{
    private static readonly FrameModelConfig DepthConfig = FrameModelConfig.Tiny with { ContextDepth = true };

    [Test]
    public void ContextDepth_FrameWithoutDepth_AllZero()
    {
        var frame = new Frame(32, 32, new byte[32 * 32 * 3]);
        float[] values = ModelInputs.ContextDepth(frame, DepthConfig);
        Assert.That(values, Has.Length.EqualTo(16 * 2 * 64));
        Assert.That(values, Has.All.EqualTo(0f));
    }

    [Test]
    public void ContextDepth_FrameWithDepth_EncodedAndMarkedKnown()
    {
        var depth = Enumerable.Range(0, 32 * 32).Select(i => 0.5f + i % 7).ToArray();
        var frame = new Frame(32, 32, new byte[32 * 32 * 3], depth);
        float[] values = ModelInputs.ContextDepth(frame, DepthConfig);
        var layout = new TokenLayout(32, 32, DepthConfig.PatchSize, 2);
        foreach (var (u, v) in new[] { (0, 0), (31, 0), (5, 17), (31, 31) })
        {
            Assert.That(values[layout.Index(u, v, 0)], Is.EqualTo(FrameEncoding.EncodeDepth(depth[v * 32 + u], DepthConfig.DepthScale)), $"depth at ({u}, {v})");
            Assert.That(values[layout.Index(u, v, 1)], Is.EqualTo(1f), $"mark at ({u}, {v})");
        }
    }

    [Test]
    public void EncodeContext_DepthEmbeddingAtItsStart_SameKeysAsWithoutTheSetting()
    {
        using FrameModel plain = TinyModels.Random(seed: 5);
        using FrameModel withDepth = FrameModel.Create(DepthConfig, 5);
        withDepth.Network.load_state_dict(plain.Network.state_dict(), strict: false);
        withDepth.Network.eval();
        TrainingExample e = new TrainingDataGenerator(TinyModels.Data, seed: 3).Batch(0, 1, views: 1)[0];
        Assert.That(e.ContextFrames[0].Depth, Is.Not.Null, "training views are rendered with depth");
        ContextFrame a = plain.EncodeContext(e.ContextFrames[0], e.ContextPoses[0], e.Camera);
        ContextFrame b = withDepth.EncodeContext(e.ContextFrames[0], e.ContextPoses[0], e.Camera);
        for (int block = 0; block < a.Keys.Length; block++)
        {
            Assert.That(b.Keys[block], Is.EqualTo(a.Keys[block]), $"keys of block {block}");
            Assert.That(b.Values[block], Is.EqualTo(a.Values[block]), $"values of block {block}");
        }
    }

    [Test]
    public void EncodeContext_LearnedDepthEmbedding_DepthChangesKeys()
    {
        using FrameModel model = TinyModels.Random(seed: 6, DepthConfig);
        TrainingExample e = new TrainingDataGenerator(TinyModels.Data, seed: 3).Batch(0, 1, views: 1)[0];
        Frame colourOnly = new(e.ContextFrames[0].Width, e.ContextFrames[0].Height, e.ContextFrames[0].Rgb);
        ContextFrame known = model.EncodeContext(e.ContextFrames[0], e.ContextPoses[0], e.Camera);
        ContextFrame unknown = model.EncodeContext(colourOnly, e.ContextPoses[0], e.Camera);
        Assert.That(known.Keys[0], Is.Not.EqualTo(unknown.Keys[0]));
    }

    [Test]
    public void Build_ContextDepth_SamePosesAsWithoutAndAShareWithheld()
    {
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        IReadOnlyList<TrainingExample> examples = data.Batch(0, 8, views: 4);
        TrainingBatch plain = TrainingBatch.Build(examples, FrameModelConfig.Tiny, new Rng(9));
        TrainingBatch withDepth = TrainingBatch.Build(examples, DepthConfig, new Rng(9));
        Assert.That(plain.ContextDepth, Is.Null);
        Assert.That(withDepth.Context, Is.EqualTo(plain.Context), "the depth's draws come after the poses'");
        Assert.That(withDepth.Rays, Is.EqualTo(plain.Rays));
        int perView = withDepth.Tokens * DepthConfig.ContextDepthPatchValues, marks = DepthConfig.PatchSize * DepthConfig.PatchSize;
        int withheld = Enumerable.Range(0, 32).Count(view => withDepth.ContextDepth!.AsSpan(view * perView, perView).IndexOfAnyExcept(0f) < 0);
        Assert.That(withheld, Is.InRange(1, 16), "about a fifth of 32 views withheld");
        int known = Enumerable.Range(0, 32).Count(view => withDepth.ContextDepth![view * perView + marks] == 1f);
        Assert.That(known + withheld, Is.EqualTo(32), "every view is either known (marked) or withheld (all zero)");
    }

    [Test]
    public void Prepare_SelfForcedBatchWithContextDepth_DrawnViewGivesItsOwnDepthMarked()
    {
        using FrameModel model = TinyModels.Random(seed: 4, DepthConfig);
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        TrainingBatch batch = TrainingBatch.Build(data.Batch(0, 2, views: 2), DepthConfig, augment: null);
        using var scope = NewDisposeScope();
        using var g = torch.Generator(1);
        var (_, generated, depth) = SelfForcing.Prepare(model.Network, DepthConfig, batch, new TrainObjective { SelfForcingShare = 1, SelfForcingFrom = 0 },
            step: 0, new Rng(1), g, Device.CPU);
        Assert.That(generated!.ToArray<long>(), Is.EqualTo(new long[] { 0, 1, 0, 1 }));
        float[] after = depth!.contiguous().ToArray<float>();
        int perView = batch.Tokens * DepthConfig.ContextDepthPatchValues, half = DepthConfig.PatchSize * DepthConfig.PatchSize;
        Assert.That(after.AsSpan(0, perView).SequenceEqual(batch.ContextDepth.AsSpan(0, perView)), Is.True, "a ground-truth view keeps its depth");
        Assert.That(after.AsSpan(perView, perView).SequenceEqual(batch.ContextDepth.AsSpan(perView, perView)), Is.False, "the drawn view gives the model's depth");
        for (int token = 0; token < batch.Tokens; token++)
            Assert.That(after.AsSpan(perView + token * 2 * half + half, half).ToArray(), Has.All.EqualTo(1f), $"token {token} of the drawn view is marked known");
    }

    [Test]
    public void Run_ContextDepthFromInit_TrainsTheDepthEmbedding()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rtfm-cdepth-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new TrainOptions
            {
                Model = DepthConfig, OutputDirectory = dir, Steps = 3, BatchSize = 2, LearningRate = 1e-3,
                WarmupSteps = 0, EmaDecay = 0, Data = TinyModels.Data, Objective = new TrainObjective { SelfForcingShare = 0 },
            };
            new Trainer(options).Run();
            using FrameModel trained = RtfmGym.Model.Checkpoints.ModelCheckpoint.Load(dir);
            Assert.That(trained.Config.ContextDepth, Is.True, "the setting travels in the checkpoint");
            Tensor weight = trained.Network.named_parameters().Single(p => p.Item1 == "context_depth_embed.weight").Item2;
            Assert.That(weight.abs().max().item<float>(), Is.GreaterThan(0f), "gradient reaches the embedding");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Run_CopyReadsDepthSelfForced_TrainsTheGateAndKeepsTheSetting(bool inTargetView)
    {
        string dir = Path.Combine(Path.GetTempPath(), "rtfm-readdepth-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new TrainOptions
            {
                Model = DepthConfig with
                {
                    PointerStride = 4, PointerReprojects = true, PointerReadsDepth = true, PointerDepthInTargetView = inTargetView, PointerReadsDrawnDepth = inTargetView,
                },
                OutputDirectory = dir, Steps = 3, BatchSize = 2,
                LearningRate = 1e-3, WarmupSteps = 0, EmaDecay = 0, Data = TinyModels.Data, OpenCopyGate = true,
                Objective = new TrainObjective { SelfForcingShare = 1, SelfForcingFrom = 0, DegradedContextShare = 0.5 },
            };
            new Trainer(options).Run();
            using FrameModel trained = RtfmGym.Model.Checkpoints.ModelCheckpoint.Load(dir);
            Assert.That(trained.Config.PointerReadsDepth, Is.True, "the setting travels in the checkpoint");
            Assert.That((trained.Config.PointerDepthInTargetView, trained.Config.PointerReadsDrawnDepth), Is.EqualTo((inTargetView, inTargetView)));
            Tensor bias = trained.Network.named_parameters().Single(p => p.Item1 == "pointer.gate.bias").Item2;
            Assert.That(bias.ToArray<float>(), Has.Some.Not.EqualTo(1f), "gradient reaches the gate");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
