using RtfmGym.Env.Frames;
using RtfmGym.Env.Randomness;
using RtfmGym.Imaging;
using RtfmGym.Model.Training;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Tests.Training;

/// <summary>Context views degraded as a long rollout degrades the model's frames (<see cref="ContextDegradation"/>).</summary>
public sealed class ContextDegradationTests
{
    private static Frame Checkered(int size = 32)
    {
        var rgb = new byte[size * size * 3];
        var depth = new float[size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                byte v = ((x / 2 + y / 2) % 2 == 0) ? (byte)40 : (byte)220;
                rgb[(y * size + x) * 3] = v;
                rgb[(y * size + x) * 3 + 1] = (byte)(255 - v);
                rgb[(y * size + x) * 3 + 2] = 128;
                depth[y * size + x] = 1f + x * 0.1f;
            }
        return new Frame(size, size, rgb, depth);
    }

    [Test]
    public void Apply_DetailedFrame_BlurredAndFaded()
    {
        Frame frame = Checkered();
        for (ulong seed = 0; seed < 8; seed++)
        {
            Frame degraded = ContextDegradation.Apply(frame, new Rng(seed));
            Assert.That(SharpnessMetrics.Gmr(degraded, frame), Is.LessThan(0.7), $"seed {seed}: detail is lost");
            Assert.That(degraded.Depth, Is.Not.Null.And.Length.EqualTo(frame.Depth!.Length));
            Assert.That(degraded.Depth!.Average(), Is.EqualTo(frame.Depth.Average()).Within(0.05), "depth is blurred, not moved");
        }
    }

    [Test]
    public void Apply_UniformFrame_StaysUniform()
    {
        var rgb = Enumerable.Repeat((byte)90, 16 * 16 * 3).ToArray();
        Frame degraded = ContextDegradation.Apply(new Frame(16, 16, rgb), new Rng(1));
        Assert.That(degraded.Rgb, Has.All.EqualTo((byte)90));
        Assert.That(degraded.Depth, Is.Null);
    }

    [Test]
    public void Apply_SameSeed_SameFrame()
    {
        Frame frame = Checkered();
        Assert.That(ContextDegradation.Apply(frame, new Rng(5)).Rgb, Is.EqualTo(ContextDegradation.Apply(frame, new Rng(5)).Rgb));
    }

    [TestCase(30, 32)]
    [TestCase(32, 12)]
    public void Apply_SideNotDividedByTheBlocks_Throws(int width, int height)
    {
        var frame = new Frame(width, height, new byte[width * height * 3]);
        // Some seed draws a block that does not divide the side; every seed must refuse or succeed cleanly.
        bool refused = Enumerable.Range(0, 16).Any(seed =>
        {
            try { ContextDegradation.Apply(frame, new Rng((ulong)seed)); return false; }
            catch (ArgumentException) { return true; }
        });
        Assert.That(refused, Is.True);
    }

    [Test]
    public void Build_DegradedShare_SamePosesAndTargetsAsWithout()
    {
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        IReadOnlyList<TrainingExample> examples = data.Batch(0, 8, views: 4);
        TrainingBatch plain = TrainingBatch.Build(examples, FrameModelConfig.Tiny, new Rng(9));
        TrainingBatch degraded = TrainingBatch.Build(examples, FrameModelConfig.Tiny, new Rng(9), degradedShare: 0.5);
        Assert.That(plain.Degraded, Is.Null);
        Assert.That(degraded.Degraded!.Count(x => x), Is.InRange(4, 28), "about half of 32 views");
        Assert.That(degraded.Rays, Is.EqualTo(plain.Rays), "the degradation's draws come after the poses'");
        Assert.That(degraded.Targets, Is.EqualTo(plain.Targets));
        int perView = plain.Tokens * FrameModelConfig.Tiny.ContextPatchValues;
        for (int view = 0; view < 32; view++)
            Assert.That(degraded.Context.AsSpan(view * perView, perView).SequenceEqual(plain.Context.AsSpan(view * perView, perView)), Is.EqualTo(!degraded.Degraded![view]),
                $"view {view} changes exactly when degraded");
    }

    [Test]
    public void Build_ModelWithoutProvenance_DegradesNothing()
    {
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        TrainingBatch batch = TrainingBatch.Build(data.Batch(0, 4, views: 2), FrameModelConfig.Tiny with { Provenance = false }, new Rng(9), degradedShare: 1);
        Assert.That(batch.Degraded, Is.Null, "without provenance a degraded view could not be told from the truth");
    }

    [Test]
    public void Prepare_DegradedViews_MarkedGeneratedWithOrWithoutSelfForcing()
    {
        using FrameModel model = TinyModels.Random(seed: 4);
        var data = new TrainingDataGenerator(TinyModels.Data, seed: 3);
        TrainingBatch batch = TrainingBatch.Build(data.Batch(0, 4, views: 3), FrameModelConfig.Tiny, new Rng(2), degradedShare: 0.5);
        long[] expected = batch.Degraded!.Select(x => x ? 1L : 0L).ToArray();
        using var scope = NewDisposeScope();
        using var g = torch.Generator(1);
        var (_, plain, _) = SelfForcing.Prepare(model.Network, FrameModelConfig.Tiny, batch, new TrainObjective { SelfForcingShare = 0 }, step: 0, new Rng(1), g, Device.CPU);
        Assert.That(plain!.ToArray<long>(), Is.EqualTo(expected));
        var (_, forced, _) = SelfForcing.Prepare(model.Network, FrameModelConfig.Tiny, batch, new TrainObjective { SelfForcingShare = 1, SelfForcingFrom = 0 }, step: 0, new Rng(1), g, Device.CPU);
        for (int i = 0; i < 4; i++) expected[i * 3 + 2] = 1;
        Assert.That(forced!.ToArray<long>(), Is.EqualTo(expected), "the drawn last view is generated; degraded earlier views stay marked");
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Validate_DegradedShareOutOfRange_NamesTheFlag(double share)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainObjective { DegradedContextShare = share }.Validate());
        Assert.That(e!.Message, Does.Contain("--degrade-context"));
    }
}
