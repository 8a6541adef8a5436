using NUnit.Framework;
using nn = RtfmGym.Torch.torch.nn;
using optim = RtfmGym.Torch.torch.optim;

namespace RtfmGym.Torch.Tests;

public class TrainingTests : TorchTestBase
{
    private string _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("rtfm-torch-").FullName;

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    internal static nn.Sequential Mlp(ulong seed)
    {
        using var g = torch.Generator(seed);
        return new nn.Sequential(new nn.Linear(2, 16, generator: g), new nn.GELU(), new nn.Linear(16, 1, generator: g));
    }

    /// <summary>Fits y = sin(x0) + x1² on a fixed batch; returns the final loss.</summary>
    private static double Train(nn.Sequential model, int steps)
    {
        using var g = torch.Generator(99);
        using var x = torch.rand([64, 2], g).mul(torch.full([1], 2.0)).sub(torch.ones([1])).DetachFromDisposeScope();
        using var y = (x.select(1, 0).sin() + x.select(1, 1).pow(2)).unsqueeze(1).DetachFromDisposeScope();
        using var opt = new optim.AdamW(model.parameters(), lr: 0.02, weightDecay: 0);
        double loss = double.NaN;
        for (var i = 0; i < steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            opt.zero_grad();
            var l = nn.functional.mse_loss(model.call(x), y);
            l.backward();
            nn.utils.clip_grad_norm_(model.parameters(), 1.0);
            opt.step();
            loss = l.item<double>();
        }
        return loss;
    }

    [Test]
    public void Mlp_FixedSeed_TrainsToLowLossDeterministically()
    {
        using var a = Mlp(3);
        using var b = Mlp(3);
        var lossA = Train(a, 300);
        var lossB = Train(b, 300);
        Assert.That(lossA, Is.LessThan(0.005));
        Assert.That(lossB, Is.EqualTo(lossA), "same seed, same thread count → same loss");
    }

    [Test]
    public void SaveLoad_TrainedMlp_ReproducesOutputsExactly()
    {
        using var trained = Mlp(4);
        Train(trained, 50);
        var path = Path.Combine(_dir, "mlp.safetensors");
        trained.save(path, new Dictionary<string, string> { ["step"] = "50" });

        using var restored = Mlp(5);
        restored.load(path);
        var x = torch.linspace(-1, 1, 20).reshape([10, 2]);
        Assert.That(restored.call(x).ToArray<float>(), Is.EqualTo(trained.call(x).ToArray<float>()));
        using var file = SafeTensors.Load(path);
        Assert.That(file.Metadata["step"], Is.EqualTo("50"));
    }
}
