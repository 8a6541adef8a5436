using System.Numerics;
using RtfmGym.Env;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Worlds;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Training;

public class TrainingLeversTests
{
    [TestCase(0.01, 100.0)]
    [TestCase(0.1, 100.0)]
    [TestCase(0.5, 4.0)]
    [TestCase(1.0, 1.0)]
    public void Weight_VSpace_IsInverseSquareOfLevelFlooredAtTenth(double t, double expected)
    {
        Assert.That(FlowMatchingLoss.Weight(LossWeighting.VSpace, t), Is.EqualTo(expected).Within(1e-9));
        Assert.That(FlowMatchingLoss.Weight(LossWeighting.Flat, t), Is.EqualTo(1.0));
    }

    [Test]
    public void DrawLevel_LogitNormal_InsideUnitIntervalCentredWithPureNoiseShare()
    {
        var objective = new TrainObjective { PureNoiseShare = 0.2 };
        var rng = new Rng(5);
        float[] t = Enumerable.Range(0, 20_000).Select(_ => FlowMatchingLoss.DrawLevel(objective, rng)).ToArray();
        Assert.That(t, Is.All.InRange(0f, 1f));
        Assert.That(t.Count(x => x == 1f) / (double)t.Length, Is.EqualTo(0.2).Within(0.015));
        float[] rest = t.Where(x => x < 1f).ToArray();
        Assert.That(rest.Average(), Is.EqualTo(0.5).Within(0.01), "logit-normal with mean 0 is symmetric about 0.5");
        Assert.That(rest.Count(x => x < 0.1) / (double)rest.Length, Is.LessThan(0.03), "few levels near the clean end");
    }

    [TestCase(-0.1, 0.1, 0L, 1, 1)]
    [TestCase(0.1, 1.5, 0L, 1, 1)]
    [TestCase(0.1, 0.1, -1L, 1, 1)]
    [TestCase(0.1, 0.1, 0L, 0, 1)]
    [TestCase(0.1, 0.1, 0L, 1, 0)]
    [TestCase(0.1, 0.1, 0L, 1, 64)]
    public void Validate_BadObjective_Throws(double pureNoise, double selfForcing, long from, int samplerSteps, int chain)
    {
        var objective = new TrainObjective { PureNoiseShare = pureNoise, SelfForcingShare = selfForcing, SelfForcingFrom = from, SelfForcingSamplerSteps = samplerSteps, SelfForcingChain = chain };
        Assert.Throws<ArgumentOutOfRangeException>(() => objective.Validate());
    }

    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(101.0)]
    public void Validate_BadCopyReadingWeight_Throws(double weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainObjective { CopyReadingWeight = weight }.Validate());

    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(101.0)]
    public void Validate_BadCopyCorrespondenceWeight_Throws(double weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainObjective { CopyCorrespondenceWeight = weight }.Validate());

    [Test]
    public void Validate_CorrespondenceWithoutCopyPath_ThrowsNamingTheFlags()
    {
        var options = new TrainOptions { Model = FrameModelConfig.Tiny, OutputDirectory = "x", Steps = 10, Data = TinyModels.Data,
            Objective = new TrainObjective { CopyCorrespondenceWeight = 0.1 } };
        string message = Assert.Throws<ArgumentException>(() => options.Validate())!.Message;
        Assert.That(message, Does.Contain("--copy-correspondence-weight").And.Contain("--copy-stride"));
    }

    /// <summary>A copy path's own losses, each added only where the path exists and its weight is above 0.</summary>
    [TestCase("reading", 0, 1.0, false)]
    [TestCase("reading", 2, 0.0, false)]
    [TestCase("reading", 2, 1.0, true)]
    [TestCase("correspondence", 0, 0.5, false)]
    [TestCase("correspondence", 2, 0.0, false)]
    [TestCase("correspondence", 2, 0.5, true)]
    public void Compute_CopyPathLossWeight_AddsItsLossOnlyWithACopyPath(string loss, int pointerStride, double weight, bool adds)
    {
        using FrameModel model = TinyModels.Random(seed: 4, config: FrameModelConfig.Tiny with { PointerStride = pointerStride });
        FrameModelConfig config = model.Config;
        TrainingBatch batch = TrainingBatch.Build(new TrainingDataGenerator(TinyModels.Data, seed: 3).Batch(0, 3, views: 2), config, augment: null);
        double Loss(double w)
        {
            using var scope = NewDisposeScope();
            using var g = torch.Generator(1);
            Tensor context = tensor(batch.Context, [batch.Size * batch.Views, batch.Tokens, config.ContextPatchValues]);
            var objective = loss == "reading" ? new TrainObjective { CopyReadingWeight = w } : new TrainObjective { CopyReadingWeight = 0, CopyCorrespondenceWeight = w };
            return FlowMatchingLoss.Compute(model.Network, config, batch, context, null, null, objective, new Rng(2), g, Device.CPU).Total.item<float>();
        }
        double without = Loss(0), with = Loss(weight);
        if (adds) Assert.That(with, Is.GreaterThan(without));
        else Assert.That(with, Is.EqualTo(without));
    }

    [Test]
    public void Validate_SelfForcingWithoutProvenance_ThrowsNamingProvenance()
    {
        var options = new TrainOptions { Model = FrameModelConfig.Tiny with { Provenance = false }, OutputDirectory = "x", Steps = 10, Data = TinyModels.Data,
            Objective = new TrainObjective { SelfForcingFrom = 0 } };
        Assert.That(Assert.Throws<ArgumentException>(() => options.Validate())!.Message, Does.Contain("provenance"));
    }

    [Test]
    public void Example_CopyKindExact_FirstViewIsTheTargetItself()
    {
        var data = new TrainingDataGenerator(TinyModels.Data with { NearCopyShare = 0 }, seed: 3);
        World world = WorldGenerator.Generate(TrainingDataGenerator.WorldOptionsFor(7));
        TrainingExample e = data.Example(world, new Rng(9), views: 3, SampleKind.Copy);
        Assert.That(e.ContextPoses[0], Is.EqualTo(e.TargetPose));
        Assert.That(e.ContextFrames[0].Rgb, Is.EqualTo(e.Target.Rgb));
        Assert.That(e.ContextPoses[1], Is.Not.EqualTo(e.TargetPose));
    }

    [Test]
    public void Example_StartShareAll_ContextSeenFromTheStartTargetFourActionsAtMost()
    {
        foreach (var (i, e) in Examples(TinyModels.Data with { StartShare = 1 }, views: 4, SampleKind.Trajectory))
        {
            Pose start = e.ContextPoses[0];
            for (int v = 1; v < 4; v++)
            {
                Assert.That(e.ContextPoses[v].Position, Is.EqualTo(start.Position), $"sample {i} view {v} is seen from the start");
                float expected = TrainingDataOptions.StartHeadingsDegrees[v - 1] * MathF.PI / 180f;
                Assert.That(e.ContextPoses[v].AngleTo(start), Is.EqualTo(Math.Min(expected, 2 * MathF.PI - expected)).Within(1e-3f), $"sample {i} view {v} heading");
            }
            Assert.That(Vector3.Distance(e.TargetPose.Position, start.Position), Is.LessThanOrEqualTo(4 * 0.25f + 1e-4f), $"sample {i}");
            Assert.That(e.TargetPose, Is.Not.EqualTo(start), $"sample {i}: at least one action");
        }
    }

    /// <summary>Twenty samples of <paramref name="kind"/> in training world 7, each from its own seed (its index).</summary>
    private static IEnumerable<(int Index, TrainingExample Example)> Examples(TrainingDataOptions options, int views, SampleKind kind)
    {
        var data = new TrainingDataGenerator(options, seed: 3);
        World world = WorldGenerator.Generate(TrainingDataGenerator.WorldOptionsFor(7));
        for (int i = 0; i < 20; i++) yield return (i, data.Example(world, new Rng((ulong)i), views, kind));
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Validate_BadStartShare_Throws(double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => (TinyModels.Data with { StartShare = share }).Validate());

    [Test]
    public void Example_CopyKindNear_FirstViewWithinTenthOfAMetreAndFiveDegrees()
    {
        foreach (var (_, e) in Examples(TinyModels.Data with { NearCopyShare = 1 }, views: 2, SampleKind.Copy))
        {
            Assert.That(Vector3.Distance(e.ContextPoses[0].Position, e.TargetPose.Position), Is.LessThanOrEqualTo(0.1f + 1e-5f));
            Assert.That(e.ContextPoses[0].AngleTo(e.TargetPose), Is.LessThanOrEqualTo(5f * MathF.PI / 180f + 1e-4f));
        }
    }

    [Test]
    public void Batch_DefaultMix_DrawsCopySamples()
    {
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        var kinds = Enumerable.Range(0, 8).SelectMany(b => data.Batch(b, 8, views: 1)).Select(e => e.Kind).ToArray();
        Assert.That(kinds, Has.Some.EqualTo(SampleKind.Copy));
        Assert.That(kinds.Count(k => k == SampleKind.Copy), Is.LessThan(kinds.Length / 2));
    }

    [Test]
    public void EncodeContext_ProvenanceUntrained_SameForTruthAndGenerated_DifferentOnceLearned()
    {
        using FrameModel model = TinyModels.Random(seed: 4);
        using (no_grad())
            foreach (var (name, p) in model.Network.named_parameters().Where(p => p.Item1.StartsWith("provenance"))) nn.init.uniform_(p, 0, 0);
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        TrainingExample e = data.Batch(0, 1, views: 1)[0];
        ContextFrame truth = model.EncodeContext(e.ContextFrames[0], e.ContextPoses[0], e.Camera);
        ContextFrame drawn = model.EncodeContext(e.ContextFrames[0], e.ContextPoses[0], e.Camera, generationDepth: 2);
        Assert.That(drawn.GenerationDepth, Is.EqualTo(2));
        Assert.That(drawn.Keys[0], Is.EqualTo(truth.Keys[0]), "a zero provenance vector changes nothing");
        using (no_grad())
            foreach (var (_, p) in model.Network.named_parameters().Where(p => p.Item1.StartsWith("provenance"))) nn.init.uniform_(p, 0.5, 1.0);
        ContextFrame learned = model.EncodeContext(e.ContextFrames[0], e.ContextPoses[0], e.Camera, generationDepth: 1);
        ContextFrame learnedTruth = model.EncodeContext(e.ContextFrames[0], e.ContextPoses[0], e.Camera);
        Assert.That(learned.Keys[0], Is.Not.EqualTo(learnedTruth.Keys[0]));
    }

    [Test]
    public void Prepare_SelfForcedBatch_LastViewRedrawnAndMarkedRaysKept()
    {
        using FrameModel model = TinyModels.Random(seed: 4);
        FrameModelConfig config = model.Config;
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        TrainingBatch batch = TrainingBatch.Build(data.Batch(0, 3, views: 3), config, augment: null);
        var objective = new TrainObjective { SelfForcingShare = 1, SelfForcingFrom = 0 };
        using var scope = NewDisposeScope();
        using var g = torch.Generator(1);
        var (context, generated, _) = SelfForcing.Prepare(model.Network, config, batch, objective, step: 0, new Rng(1), g, Device.CPU);
        Assert.That(generated!.ToArray<long>(), Is.EqualTo(new long[] { 0, 0, 1, 0, 0, 1, 0, 0, 1 }));
        float[] after = context.contiguous().ToArray<float>();
        int perView = batch.Tokens * config.ContextPatchValues, colour = 3 * config.PatchSize * config.PatchSize;
        for (int view = 0; view < 9; view++)
        {
            bool redrawn = view % 3 == 2;
            int changed = 0;
            for (int token = 0; token < batch.Tokens; token++)
                for (int k = 0; k < config.ContextPatchValues; k++)
                {
                    int i = view * perView + token * config.ContextPatchValues + k;
                    if (after[i] != batch.Context[i])
                    {
                        Assert.That(redrawn && k < colour, Is.True, $"view {view} value {k} changed");
                        changed++;
                    }
                }
            Assert.That(changed > 0, Is.EqualTo(redrawn), $"view {view}");
        }
    }

    [Test]
    public void Prepare_ChainOfTwo_LastTwoViewsDrawnTheNewestFromTheDrawnOne()
    {
        using FrameModel model = TinyModels.Random(seed: 4);
        FrameModelConfig config = model.Config;
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        TrainingBatch batch = TrainingBatch.Build(data.Batch(0, 2, views: 3), config, augment: null);
        using var scope = NewDisposeScope();
        float[] Drawn(int chain, out long[] marks)
        {
            using var g = torch.Generator(1);
            var (context, generated, _) = SelfForcing.Prepare(model.Network, config, batch, new TrainObjective { SelfForcingShare = 1, SelfForcingFrom = 0, SelfForcingChain = chain },
                step: 0, new Rng(1), g, Device.CPU);
            marks = generated!.ToArray<long>();
            return context.contiguous().ToArray<float>();
        }
        float[] one = Drawn(1, out long[] oneMarks), two = Drawn(2, out long[] twoMarks), deep = Drawn(9, out long[] deepMarks);
        Assert.That(oneMarks, Is.EqualTo(new long[] { 0, 0, 1, 0, 0, 1 }));
        Assert.That(twoMarks, Is.EqualTo(new long[] { 0, 1, 1, 0, 1, 1 }));
        Assert.That(deepMarks, Is.EqualTo(twoMarks), "a chain longer than the views allow draws all but the first");
        Assert.That(deep, Is.EqualTo(two));
        int perView = batch.Tokens * config.ContextPatchValues;
        Span<float> View(float[] all, int sample, int view) => all.AsSpan((sample * 3 + view) * perView, perView);
        for (int sample = 0; sample < 2; sample++)
        {
            Assert.That(View(two, sample, 0).SequenceEqual(View(batch.Context, sample, 0)), Is.True, "the first view stays the truth");
            Assert.That(View(two, sample, 1).SequenceEqual(View(batch.Context, sample, 1)), Is.False, "the middle view is drawn");
            Assert.That(View(two, sample, 2).SequenceEqual(View(one, sample, 2)), Is.False, "the newest view is drawn from a drawn one");
        }
    }

    [Test]
    public void Prepare_BeforeSelfForcingStep_ContextUntouchedAllTruth()
    {
        using FrameModel model = TinyModels.Random(seed: 4);
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        TrainingBatch batch = TrainingBatch.Build(data.Batch(0, 2, views: 2), model.Config, augment: null);
        using var scope = NewDisposeScope();
        using var g = torch.Generator(1);
        var (context, generated, _) = SelfForcing.Prepare(model.Network, model.Config, batch, new TrainObjective { SelfForcingShare = 1, SelfForcingFrom = 10 }, step: 9, new Rng(1), g, Device.CPU);
        Assert.That(context.contiguous().ToArray<float>(), Is.EqualTo(batch.Context));
        Assert.That(generated, Is.Null, "no marks: every view is ground truth");
    }

    [Test]
    public void Run_InitFromCheckpointWithoutProvenance_CopiesSharedWeights()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rtfm-init-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (FrameModel old = TinyModels.Random(seed: 6))
            {
                using FrameModel legacy = FrameModel.Create(FrameModelConfig.Tiny with { Provenance = false }, 6);
                legacy.Network.load_state_dict(old.Network.state_dict(), strict: false);
                ModelCheckpoint.Save(legacy, Path.Combine(dir, "old"), training: null);
            }
            var options = new TrainOptions
            {
                Model = FrameModelConfig.Tiny, OutputDirectory = Path.Combine(dir, "new"), Steps = 1, BatchSize = 2, LearningRate = 1e-9,
                WarmupSteps = 0, EmaDecay = 0, Data = TinyModels.Data, InitFrom = Path.Combine(dir, "old"), Objective = new TrainObjective { SelfForcingShare = 0 },
            };
            new Trainer(options).Run();
            using FrameModel trained = ModelCheckpoint.Load(Path.Combine(dir, "new"));
            using FrameModel source = ModelCheckpoint.Load(Path.Combine(dir, "old"));
            float[] a = source.Network.state_dict()["output.weight"].ToArray<float>(), b = trained.Network.state_dict()["output.weight"].ToArray<float>();
            Assert.That(b, Is.EqualTo(a).Within(1e-5f), "one step at a negligible rate leaves the warm-started weights");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Run_InitFromCheckpointOfAnotherWidth_ThrowsNamingBoth()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rtfm-init-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (FrameModel other = FrameModel.Create(FrameModelConfig.Tiny with { Width = 32 }, 1))
                ModelCheckpoint.Save(other, Path.Combine(dir, "old"), training: null);
            var options = new TrainOptions { Model = FrameModelConfig.Tiny, OutputDirectory = Path.Combine(dir, "new"), Steps = 1, Data = TinyModels.Data, InitFrom = Path.Combine(dir, "old") };
            var e = Assert.Throws<RtfmGymException>(() => new Trainer(options).Run());
            Assert.That(e!.Message, Does.Contain("32").And.Contain("64").And.Contain("warm-start"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
