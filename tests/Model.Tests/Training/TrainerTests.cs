using System.Globalization;
using RtfmGym.Env;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Training;

namespace RtfmGym.Model.Tests.Training;

public class TrainerTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => _dir = Path.Combine(Path.GetTempPath(), "rtfm-train-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveDir()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private TrainOptions Options(long steps, bool resume = false, string? dir = null) => new()
    {
        Model = FrameModelConfig.Tiny,
        OutputDirectory = dir ?? _dir,
        Steps = steps,
        BatchSize = 4,
        LearningRate = 2e-3,
        WarmupSteps = 20,
        EmaDecay = 0.9,
        CheckpointEvery = 10,
        SampleEvery = 1000,
        Seed = 11,
        Resume = resume,
        Data = TinyModels.Data,
        // Self-forcing from step 5, so the resumed run also redraws the model's own context frames exactly.
        Objective = new TrainObjective { SelfForcingFrom = 5, SelfForcingShare = 0.5 },
    };

    private static double[] Losses(string dir) =>
        File.ReadLines(Path.Combine(dir, "loss.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();

    [Test]
    public void Run_FewHundredStepsOnFixedSeed_LowersLoss()
    {
        TrainingSummary summary = new Trainer(Options(240)).Run();
        double[] losses = Losses(_dir);
        Assert.That(summary.Steps, Is.EqualTo(240));
        Assert.That(losses, Has.Length.EqualTo(240));
        double first = losses.Take(30).Average(), last = losses.TakeLast(30).Average();
        Assert.That(last, Is.LessThan(0.8 * first), $"mean loss of the first 30 steps {first:F4}, of the last 30 {last:F4}");
    }

    [Test]
    public void Run_NewRun_LogsTheLossParts()
    {
        new Trainer(Options(12) with { Model = FrameModelConfig.Tiny with { PointerStride = 4 } }).Run();
        string[] lines = File.ReadAllLines(Path.Combine(_dir, "loss.csv"));
        Assert.That(lines[0], Is.EqualTo("step,loss,learning_rate,seconds,colour,depth,depth_pure_noise,reading,correspondence"));
        string[][] rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.That(rows, Has.Length.EqualTo(12));
        Assert.That(rows, Has.All.Length.EqualTo(9));
        foreach (int column in new[] { 4, 5, 7 })
            Assert.That(rows.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)), Has.All.GreaterThan(0), $"column {column}");
        Assert.That(rows.Select(r => r[8]), Has.All.Empty, "no correspondence loss without its weight");
        Assert.That(rows.Count(r => r[6] != ""), Is.GreaterThan(0), "some batches hold samples at noise level 1");
    }

    [Test]
    public void Run_ResumingARunWithTheOldLog_KeepsItsFourColumns()
    {
        new Trainer(Options(10)).Run();
        string csv = Path.Combine(_dir, "loss.csv");
        File.WriteAllLines(csv, File.ReadAllLines(csv).Select(l => string.Join(',', l.Split(',').Take(4))));
        new Trainer(Options(20, resume: true)).Run();
        Assert.That(File.ReadAllLines(csv).Select(l => l.Split(',').Length), Has.All.EqualTo(4));
        Assert.That(Losses(_dir), Has.Length.EqualTo(20));
    }

    [Test]
    public void Run_CopyGateOpen_StartsFromTheReading()
    {
        TrainOptions options = Options(1) with { Model = FrameModelConfig.Tiny with { PointerStride = 4 }, OpenCopyGate = true, LearningRate = 1e-6, WarmupSteps = 0 };
        new Trainer(options).Run();
        using FrameModel trained = ModelCheckpoint.Load(_dir);
        float[] bias = trained.Network.named_parameters().Single(p => p.name == "pointer.gate.bias").parameter.ToArray<float>();
        Assert.That(bias, Is.All.EqualTo(1f).Within(1e-3f));
    }

    [Test]
    public void Validate_CopyGateOpenWithoutCopyPath_ThrowsNamingTheFlags() =>
        Assert.That(Assert.Throws<ArgumentException>(() => (Options(1) with { OpenCopyGate = true }).Validate())!.Message,
            Does.Contain("--copy-gate-open").And.Contain("--copy-stride"));

    [Test]
    public void Run_ResumedFromCheckpoint_SameWeightsAsUninterrupted()
    {
        string straight = _dir + "-straight";
        try
        {
            new Trainer(Options(20, dir: straight)).Run();
            // Interrupted at step 10 (the learning-rate schedule depends on the total, so the same total).
            using var cancel = new CancellationTokenSource();
            new Trainer(Options(20)).Run(new Progress(p => { if (p.Step == 10) cancel.Cancel(); }), cancel.Token);
            Assert.That(ModelCheckpoint.ReadConfig(_dir).Training!.Steps, Is.EqualTo(10));
            new Trainer(Options(20, resume: true)).Run();
            Assert.That(File.ReadAllBytes(Path.Combine(Trainer.StateFolder(_dir)!, "weights.safetensors")),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(Trainer.StateFolder(straight)!, "weights.safetensors"))));
            Assert.That(File.ReadAllBytes(Path.Combine(_dir, ModelCheckpoint.WeightsFile)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(straight, ModelCheckpoint.WeightsFile))));
            Assert.That(Losses(_dir), Is.EqualTo(Losses(straight)));
        }
        finally
        {
            if (Directory.Exists(straight)) Directory.Delete(straight, recursive: true);
        }
    }

    [Test]
    public void Run_KilledWhileWritingACheckpoint_ResumesFromTheLastCompleteOne()
    {
        string straight = _dir + "-straight";
        try
        {
            new Trainer(Options(30, dir: straight)).Run();
            using var cancel = new CancellationTokenSource();
            new Trainer(Options(30)).Run(new Progress(p => { if (p.Step == 20) cancel.Cancel(); }), cancel.Token);
            // A kill mid-way through step 30's checkpoint: its folder half written (newer weights, no state),
            // loss rows appended, the pointer not yet switched.
            string root = Path.Combine(_dir, "train"), torn = Path.Combine(root, "step-000000030");
            Directory.CreateDirectory(torn);
            File.Copy(Path.Combine(Trainer.StateFolder(straight)!, "weights.safetensors"), Path.Combine(torn, "weights.safetensors"));
            File.AppendAllText(Path.Combine(_dir, "loss.csv"), "21,0.5,0.001,1.0,0.1,0.1,,,\n22,0.4");
            Assert.That(Path.GetFileName(Trainer.StateFolder(_dir)), Is.EqualTo("step-000000020"));

            new Trainer(Options(30, resume: true)).Run();
            Assert.That(File.ReadAllBytes(Path.Combine(_dir, ModelCheckpoint.WeightsFile)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(straight, ModelCheckpoint.WeightsFile))), "exactly the uninterrupted run");
            Assert.That(Losses(_dir), Is.EqualTo(Losses(straight)), "no stray or lost loss rows");
            Assert.That(Directory.GetDirectories(root), Has.Length.EqualTo(1), "only the latest checkpoint folder is kept");
        }
        finally
        {
            if (Directory.Exists(straight)) Directory.Delete(straight, recursive: true);
        }
    }

    [TestCase("state.json", "{ not json")]
    [TestCase("state.json", "")]
    [TestCase("weights.safetensors", "truncated")]
    [TestCase("optimizer.safetensors", "xx")]
    [TestCase("average.safetensors", "")]
    public void Run_ResumeWithDamagedStateFile_ClearErrorNamingIt(string file, string contents)
    {
        new Trainer(Options(10)).Run();
        File.WriteAllText(Path.Combine(Trainer.StateFolder(_dir)!, file), contents);
        var e = Assert.Throws<RtfmGymException>(() => new Trainer(Options(20, resume: true)).Run());
        Assert.That(e!.Message, Does.Contain(file).And.Contain("--init"));
    }

    [Test]
    public void Run_ResumeWithBadPointer_ClearError()
    {
        new Trainer(Options(10)).Run();
        File.WriteAllText(Path.Combine(_dir, "train", "latest"), "../../etc");
        Assert.That(() => new Trainer(Options(20, resume: true)).Run(), Throws.InstanceOf<RtfmGymException>().With.Message.Contains("latest"));
    }

    [Test]
    public void Run_Cancelled_LeavesLoadableCheckpoint()
    {
        using var cancel = new CancellationTokenSource();
        var trainer = new Trainer(Options(1000));
        long seen = 0;
        TrainingSummary summary = trainer.Run(new Progress(p => { seen = p.Step; if (p.Step == 3) cancel.Cancel(); }), cancel.Token);
        Assert.That(summary.Steps, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(3));
        using FrameModel model = ModelCheckpoint.Load(_dir);
        Assert.That(ModelCheckpoint.ReadConfig(_dir).Training!.Steps, Is.EqualTo(3));
    }

    [Test]
    public void Run_OutputHoldsCheckpointWithoutResume_RefusesToOverwrite()
    {
        new Trainer(Options(2)).Run();
        Assert.That(() => new Trainer(Options(4)).Run(), Throws.InstanceOf<RtfmGymException>().With.Message.Contains("--resume"));
    }

    [Test]
    public void Run_ResumeWithNothingThere_SaysStartAfresh() =>
        Assert.That(() => new Trainer(Options(4, resume: true)).Run(), Throws.InstanceOf<RtfmGymException>().With.Message.Contains("without --resume"));

    [Test]
    public void Run_ResumeWithOtherSeed_Refused()
    {
        new Trainer(Options(2)).Run();
        Assert.That(() => new Trainer(Options(4, resume: true) with { Seed = 12 }).Run(), Throws.InstanceOf<RtfmGymException>().With.Message.Contains("--seed"));
    }

    private sealed class Progress(Action<TrainProgress> handler) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => handler(value);
    }
}
