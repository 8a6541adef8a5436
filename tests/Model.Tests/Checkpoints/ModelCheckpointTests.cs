using RtfmGym.Env;
using RtfmGym.Model.Checkpoints;
using RtfmGym.Model.Training;

namespace RtfmGym.Model.Tests.Checkpoints;

public class ModelCheckpointTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => _dir = Path.Combine(Path.GetTempPath(), "rtfm-ckpt-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveDir()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static readonly TrainingSummary Summary = new(12, 0.05, 3.5, 4, "cpu", "test machine");

    [TestCase(0)]
    [TestCase(2)]
    public void Load_AfterSave_SameFramesAndSummary(int pointerStride)
    {
        using FrameModel model = TinyModels.Random(config: FrameModelConfig.Tiny with { PointerStride = pointerStride });
        ModelCheckpoint.Save(model, _dir, Summary);
        using FrameModel loaded = ModelCheckpoint.Load(_dir);
        TrainingExample e = new TrainingDataGenerator(TinyModels.Data, 3).Batch(0, 1, 2, SampleKind.Interpolation)[0];
        var a = model.Generate(e.ContextFrames.Select((f, i) => model.EncodeContext(f, e.ContextPoses[i], e.Camera)).ToArray(), e.TargetPose, e.Camera, seed: 4);
        var b = loaded.Generate(e.ContextFrames.Select((f, i) => loaded.EncodeContext(f, e.ContextPoses[i], e.Camera)).ToArray(), e.TargetPose, e.Camera, seed: 4);
        Assert.That(b.Rgb, Is.EqualTo(a.Rgb));
        var (config, training) = ModelCheckpoint.ReadConfig(_dir);
        Assert.That(config, Is.EqualTo(model.Config));
        Assert.That(training, Is.EqualTo(Summary));
        Assert.That(Directory.GetFiles(_dir, "*.tmp"), Is.Empty, "temporary files are renamed");
    }

    private static readonly (string Name, Action<string> Break, string Expected)[] BadCheckpoints =
    [
        ("missing directory", dir => Directory.Delete(dir, true), "does not exist"),
        ("no config", dir => File.Delete(Path.Combine(dir, "config.json")), "config.json is missing"),
        ("no weights", dir => File.Delete(Path.Combine(dir, "model.safetensors")), "no model.safetensors"),
        ("not json", dir => File.WriteAllText(Path.Combine(dir, "config.json"), "{ nope"), "malformed"),
        ("other format", dir => Rewrite(dir, "rtfmgym-frame-model", "something-else"), "not a frame-model config"),
        ("future version", dir => Rewrite(dir, "\"version\": 1", "\"version\": 7"), "version 7"),
        ("bad config value", dir => Rewrite(dir, "\"heads\": 2", "\"heads\": 3"), "malformed"),
        ("weights of another shape", dir => Rewrite(dir, "\"width\": 64", "\"width\": 32"), "does not fit"),
        ("truncated weights", dir => Truncate(Path.Combine(dir, "model.safetensors")), "does not fit"),
    ];

    private static IEnumerable<TestCaseData> Cases() => BadCheckpoints.Select(c => new TestCaseData(c.Break, c.Expected).SetName($"Load_{c.Name.Replace(' ', '_')}_ClearError"));

    [TestCaseSource(nameof(Cases))]
    public void Load_BrokenCheckpoint_ClearError(Action<string> breakIt, string expected)
    {
        using (FrameModel model = TinyModels.Random()) ModelCheckpoint.Save(model, _dir, Summary);
        breakIt(_dir);
        Assert.That(() => ModelCheckpoint.Load(_dir).Dispose(), Throws.InstanceOf<RtfmGymException>().With.Message.Contains(expected));
    }

    private static void Rewrite(string dir, string from, string to)
    {
        string path = Path.Combine(dir, "config.json");
        string text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from));
        File.WriteAllText(path, text.Replace(from, to));
    }

    private static void Truncate(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }

    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    public void Load_NonFiniteWeights_RefusedNamingTheTensor(float value)
    {
        string dir = Path.Combine(Path.GetTempPath(), "rtfm-nan-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (FrameModel model = FrameModel.Create(FrameModelConfig.Tiny, 1))
            {
                using (RtfmGym.Torch.torch.no_grad()) { var bias = model.Network.state_dict()["output.bias"]; bias.copy_(RtfmGym.Torch.torch.tensor(Enumerable.Repeat(value, (int)bias.numel()).ToArray(), bias.shape)); }
                ModelCheckpoint.Save(model, dir, training: null);
            }
            var e = Assert.Throws<RtfmGym.Env.RtfmGymException>(() => ModelCheckpoint.Load(dir));
            Assert.That(e!.Message, Does.Contain("non-finite").And.Contain("output.bias"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
