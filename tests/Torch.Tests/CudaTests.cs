using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;
using nn = RtfmGym.Torch.torch.nn;

namespace RtfmGym.Torch.Tests;

/// <summary>Run only on a machine whose shim is built against a CUDA libtorch with a visible GPU.</summary>
public class CudaTests : TorchTestBase
{
    [SetUp]
    public void RequireCuda()
    {
        if (!torch.cuda.is_available())
        {
            Assert.Ignore($"CUDA not available (libtorch {torch.version}); build native/ against a CUDA libtorch to run these");
        }
    }

    [Test]
    public void ToCuda_RoundTrip_KeepsValues()
    {
        var x = F([1, 2, 3]).cuda();
        Assert.That(x.device.Type, Is.EqualTo(DeviceType.CUDA));
        AssertValues(x.cpu(), [1, 2, 3]);
        Assert.That(x.sum().item<float>(), Is.EqualTo(6));
    }

    [Test]
    public void CopyTo_CudaTensor_ThrowsAskingForCpu()
    {
        var e = Assert.Throws<TorchException>(() => F([1]).cuda().ToArray<float>());
        Assert.That(e!.Message, Does.Contain("cpu()"));
    }

    [Test]
    public void Autocast_Cuda_MatmulRunsInBFloat16()
    {
        var a = torch.ones([4, 4], device: Device.CUDA);
        using (torch.autocast(Device.CUDA))
        {
            Assert.That(AutocastScope.IsEnabled, Is.True);
            Assert.That(a.matmul(a).dtype, Is.EqualTo(ScalarType.BFloat16));
        }
        Assert.That(AutocastScope.IsEnabled, Is.False);
        Assert.That(a.matmul(a).dtype, Is.EqualTo(ScalarType.Float32));
    }

    [Test]
    public void ModuleTo_Cuda_TrainsAStep()
    {
        using var linear = new nn.Linear(3, 1);
        linear.to(Device.CUDA);
        var loss = linear.call(torch.ones([2, 3], device: Device.CUDA)).sum();
        loss.backward();
        Assert.That(linear.weight.grad()!.device.Type, Is.EqualTo(DeviceType.CUDA));
    }

    [Test]
    public void ScaledDotProductAttention_Cuda_MatchesCpu()
    {
        using var g = torch.Generator(0);
        var q = torch.randn([1, 2, 4, 8], g);
        var cpu = nn.functional.scaled_dot_product_attention(q, q, q, isCausal: true);
        var gpu = nn.functional.scaled_dot_product_attention(q.cuda(), q.cuda(), q.cuda(), isCausal: true);
        AssertValues(gpu, Values(cpu), 1e-4);
    }
}
