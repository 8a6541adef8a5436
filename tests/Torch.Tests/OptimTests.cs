using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;
using nn = RtfmGym.Torch.torch.nn;
using optim = RtfmGym.Torch.torch.optim;

namespace RtfmGym.Torch.Tests;

public class OptimTests : TorchTestBase
{
    private static Tensor Param(params double[] values) => torch.tensor(values, requires_grad: true).DetachFromDisposeScope();

    [Test]
    public void AdamW_TwoSteps_MatchHandComputation()
    {
        using var p = Param(1.0, -2.0);
        using var opt = new optim.AdamW([p], lr: 0.1, weightDecay: 0.5);
        double[] x = [1.0, -2.0];
        double[] m = [0, 0], v = [0, 0];
        for (var t = 1; t <= 2; t++)
        {
            // loss = sum(x²) → g = 2x
            (p * p).sum().backward();
            opt.step();
            opt.zero_grad();
            for (var i = 0; i < 2; i++)
            {
                var g = 2 * x[i];
                x[i] *= 1 - 0.1 * 0.5;
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                var mHat = m[i] / (1 - Math.Pow(0.9, t));
                var vHat = v[i] / (1 - Math.Pow(0.999, t));
                x[i] -= 0.1 * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        }
        AssertValues(p, x, 1e-12);
    }

    [Test]
    public void Sgd_Momentum_MatchesHandComputation()
    {
        using var p = Param(1.0);
        using var opt = new optim.SGD([p], lr: 0.1, momentum: 0.9);
        double x = 1, buf = 0;
        for (var t = 0; t < 3; t++)
        {
            (p * p).sum().backward();
            opt.step();
            opt.zero_grad();
            var g = 2 * x;
            buf = t == 0 ? g : 0.9 * buf + g;
            x -= 0.1 * buf;
        }
        AssertValues(p, [x], 1e-12);
    }

    [Test]
    public void Sgd_NoGradient_LeavesParameter()
    {
        using var p = Param(3.0);
        using var opt = new optim.SGD([p], lr: 1);
        opt.step();
        AssertValues(p, [3]);
    }

    [TestCase(0, 0.25)]
    [TestCase(3, 1.0)]
    [TestCase(4, 1.0)]
    [TestCase(9, 0.5)]
    [TestCase(14, 0.0)]
    [TestCase(100, 0.0)]
    public void WarmupCosine_Step_FollowsSchedule(long step, double expected)
    {
        using var p = Param(0.0);
        using var opt = new optim.SGD([p], lr: 1);
        var schedule = new optim.WarmupCosineSchedule(opt, warmupSteps: 4, totalSteps: 14);
        Assert.That(opt.lr, Is.EqualTo(0.25));
        Assert.That(schedule.LearningRate(step), Is.EqualTo(expected).Within(1e-12));
        for (var i = 0; i < step; i++)
        {
            schedule.step();
        }
        Assert.That(opt.lr, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void ClipGradNorm_LargeGradients_ScaledToMaxGlobalNorm()
    {
        using var a = Param(0, 0);
        using var b = Param(0);
        using var c = Param(0);
        ((a * torch.tensor(new double[] { 3, 0 })).sum() + (b * 4).sum()).backward();
        var norm = nn.utils.clip_grad_norm_([a, b, c], 1.0);
        Assert.That(norm, Is.EqualTo(5).Within(1e-9));
        AssertValues(a.grad()!, [0.6, 0], 1e-6);
        AssertValues(b.grad()!, [0.8], 1e-6);
        Assert.That(nn.utils.clip_grad_norm_([a, b], 10), Is.EqualTo(1).Within(1e-5));
        AssertValues(b.grad()!, [0.8], 1e-6);
    }

    [Test]
    public void Ema_Update_BlendsTowardsWeights()
    {
        using var linear = new nn.Linear(1, 1);
        linear.weight.copy_(torch.ones([1, 1]));
        using var ema = new optim.ExponentialMovingAverage(linear, decay: 0.9);
        linear.weight.copy_(torch.full([1, 1], 3.0));
        ema.update();
        AssertValues(ema.Shadow["weight"], [1.2]);
        ema.update();
        AssertValues(ema.Shadow["weight"], [1.38]);
        using var copy = new nn.Linear(1, 1);
        ema.copy_to(copy);
        AssertValues(copy.weight, [1.38]);
    }
}
