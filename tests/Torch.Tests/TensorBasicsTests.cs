using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;

namespace RtfmGym.Torch.Tests;

public class TensorBasicsTests : TorchTestBase
{
    [Test]
    public void Tensor_FromArray_RoundTripsValuesShapeDtype()
    {
        var t = F([1, 2, 3, 4, 5, 6], 2, 3);
        AssertShape(t, 2, 3);
        Assert.That(t.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(t.device, Is.EqualTo(Device.CPU));
        Assert.That(t.numel(), Is.EqualTo(6));
        Assert.That(t.ToArray<float>(), Is.EqualTo(new float[] { 1, 2, 3, 4, 5, 6 }));
    }

    [TestCase(ScalarType.Float32)]
    [TestCase(ScalarType.Float16)]
    [TestCase(ScalarType.BFloat16)]
    [TestCase(ScalarType.Float64)]
    [TestCase(ScalarType.Int64)]
    [TestCase(ScalarType.UInt8)]
    [TestCase(ScalarType.Bool)]
    public void To_EachDtype_KeepsSmallIntegerValues(ScalarType dtype)
    {
        var t = F([0, 1, 1, 0]).to(dtype);
        Assert.That(t.dtype, Is.EqualTo(dtype));
        AssertValues(t, [0, 1, 1, 0]);
    }

    [Test]
    public void Tensor_HalfAndBoolElements_RoundTrip()
    {
        Assert.That(torch.tensor(new[] { (Half)1.5, (Half)(-2) }).ToArray<Half>(), Is.EqualTo(new[] { (Half)1.5, (Half)(-2) }));
        Assert.That(torch.tensor(new[] { true, false, true }).ToArray<bool>(), Is.EqualTo(new[] { true, false, true }));
        Assert.That(torch.tensor(new long[] { 1L << 40, -3 }).ToArray<long>(), Is.EqualTo(new long[] { 1L << 40, -3 }));
    }

    [Test]
    public void Item_OneElement_ReturnsValueInRequestedType()
    {
        var t = F([2.5f]);
        Assert.That(t.item<float>(), Is.EqualTo(2.5f));
        Assert.That(t.item<double>(), Is.EqualTo(2.5));
        Assert.That(torch.tensor(new long[] { 7 }).item<long>(), Is.EqualTo(7));
    }

    [Test]
    public void ToString_SmallTensor_ShowsShapeDtypeDeviceAndValues()
    {
        var text = F([1, 2.5f, 3, 4, 5, 6, 7], 7).ToString();
        Assert.That(text, Is.EqualTo("tensor([7], float32, cpu, values=[1, 2.5, 3, 4, 5, 6, ...])"));
        Assert.That(torch.zeros([2], requires_grad: true).ToString(), Does.Contain("requires_grad"));
    }

    [Test]
    public void Factories_ZerosOnesFullArangeLinspace_ProduceExpectedValues()
    {
        AssertValues(torch.zeros([2, 2]), [0, 0, 0, 0]);
        AssertValues(torch.ones([3], ScalarType.Int64), [1, 1, 1]);
        AssertValues(torch.full([2], 3.5), [3.5, 3.5]);
        var range = torch.arange(0, 5);
        Assert.That(range.dtype, Is.EqualTo(ScalarType.Int64));
        AssertValues(range, [0, 1, 2, 3, 4]);
        AssertValues(torch.arange(1, 2, 0.25, ScalarType.Float32), [1, 1.25, 1.5, 1.75]);
        AssertValues(torch.linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
        AssertShape(torch.scalar_tensor(4));
    }

    [Test]
    public void DisposeScope_Dispose_FreesTensorsCreatedInside()
    {
        var before = Tensor.LiveCount;
        Tensor inner;
        using (torch.NewDisposeScope())
        {
            inner = torch.ones([3]) + 1;
            Assert.That(Tensor.LiveCount, Is.EqualTo(before + 2));
        }
        Assert.That(inner.IsDisposed, Is.True);
        Assert.That(Tensor.LiveCount, Is.EqualTo(before));
    }

    [Test]
    public void MoveToOuterDisposeScope_InnerResult_SurvivesInnerScope()
    {
        Tensor kept;
        using (var outer = torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope())
            {
                kept = (torch.ones([2]) * 3).MoveToOuterDisposeScope();
            }
            Assert.That(kept.IsDisposed, Is.False);
            Assert.That(kept.OwningScope, Is.SameAs(outer));
            AssertValues(kept, [3, 3]);
        }
        Assert.That(kept.IsDisposed, Is.True);
    }

    [Test]
    public void DetachFromDisposeScope_Tensor_CallerMustDispose()
    {
        Tensor detached;
        using (torch.NewDisposeScope())
        {
            detached = torch.ones([1]).DetachFromDisposeScope();
        }
        Assert.That(detached.IsDisposed, Is.False);
        detached.Dispose();
        detached.Dispose();
        Assert.That(detached.IsDisposed, Is.True);
    }

    [Test]
    public void SetNumThreads_Value_IsReportedBack()
    {
        var previous = torch.get_num_threads();
        torch.set_num_threads(1);
        Assert.That(torch.get_num_threads(), Is.EqualTo(1));
        torch.set_num_threads(previous);
        Assert.That(torch.DefaultThreadCount(), Is.GreaterThanOrEqualTo(1));
    }

    [TestCase("3", 3)]
    [TestCase("0", -1)]
    [TestCase("many", -1)]
    [TestCase(null, -1)]
    public void DefaultThreadCount_EnvironmentVariable_OverridesProcessorCount(string? value, int expected)
    {
        var previous = Environment.GetEnvironmentVariable(torch.ThreadsVariable);
        try
        {
            Environment.SetEnvironmentVariable(torch.ThreadsVariable, value);
            Assert.That(torch.DefaultThreadCount(), Is.EqualTo(expected < 0 ? Environment.ProcessorCount : expected));
        }
        finally
        {
            Environment.SetEnvironmentVariable(torch.ThreadsVariable, previous);
        }
    }

    [Test]
    public void Version_NativeShim_ReportsLibtorchVersion()
    {
        Assert.That(torch.version, Does.Match(@"^\d+\.\d+"));
    }

    [Test]
    public void Random_SameSeed_SameValuesAndRanges()
    {
        using var g1 = torch.Generator(42);
        using var g2 = torch.Generator(42);
        Assert.That(Values(torch.randn([5], g1)), Is.EqualTo(Values(torch.randn([5], g2))));
        var u = Values(torch.rand([1000], g1));
        Assert.That(u.Min(), Is.GreaterThanOrEqualTo(0));
        Assert.That(u.Max(), Is.LessThan(1));
        var ints = torch.randint(3, 7, [1000], g1).ToArray<long>();
        Assert.That(ints.Distinct().Order(), Is.EqualTo(new long[] { 3, 4, 5, 6 }));
        var normal = Values(torch.randn([20000], g1));
        Assert.That(normal.Average(), Is.EqualTo(0).Within(0.05));
    }

    [Test]
    public void ManualSeed_DefaultGenerator_Reproducible()
    {
        torch.manual_seed(7);
        var a = Values(torch.rand([4]));
        torch.manual_seed(7);
        Assert.That(Values(torch.rand([4])), Is.EqualTo(a));
    }

    [Test]
    public void NoGrad_Scope_DisablesAndRestoresRecording()
    {
        var x = torch.ones([2], requires_grad: true);
        using (torch.no_grad())
        {
            Assert.That(torch.is_grad_enabled(), Is.False);
            Assert.That((x * 2).requires_grad, Is.False);
        }
        Assert.That(torch.is_grad_enabled(), Is.True);
        Assert.That((x * 2).requires_grad, Is.True);
    }

    [Test]
    public void Autocast_OnCpu_IsNoOp()
    {
        using (torch.autocast(Device.CPU))
        {
            Assert.That(AutocastScope.IsEnabled, Is.False);
            Assert.That(F([1, 2], 1, 2).matmul(F([1, 2], 2, 1)).dtype, Is.EqualTo(ScalarType.Float32));
        }
    }
}
