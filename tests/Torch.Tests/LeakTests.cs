using NUnit.Framework;
using nn = RtfmGym.Torch.torch.nn;
using optim = RtfmGym.Torch.torch.optim;

namespace RtfmGym.Torch.Tests;

public class LeakTests : TorchTestBase
{
    [Test]
    public void TrainingLoop_10000IterationsInScopes_NoTensorOrMemoryGrowth()
    {
        using var g = torch.Generator(0);
        using var model = new nn.Linear(4, 4, generator: g);
        using var opt = new optim.AdamW(model.parameters(), lr: 1e-3);
        using var x = torch.randn([8, 4], g).DetachFromDisposeScope();
        var liveBefore = Tensor.LiveCount;

        void Step()
        {
            using var scope = torch.NewDisposeScope();
            opt.zero_grad();
            var loss = nn.functional.mse_loss(model.call(x), x);
            loss.backward();
            opt.step();
        }

        // Warm up allocator pools and optimiser state before taking the memory baseline.
        for (var i = 0; i < 500; i++)
        {
            Step();
        }
        var liveWarm = Tensor.LiveCount;
        GC.Collect();
        var rssBefore = Environment.WorkingSet;
        for (var i = 0; i < 10_000; i++)
        {
            Step();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssGrowth = Environment.WorkingSet - rssBefore;

        Assert.That(Tensor.LiveCount, Is.EqualTo(liveWarm));
        Assert.That(liveWarm - liveBefore, Is.EqualTo(4), "only the AdamW moments of weight and bias remain");
        Assert.That(rssGrowth, Is.LessThan(64L << 20), $"RSS grew by {rssGrowth >> 20} MiB");
    }
}
