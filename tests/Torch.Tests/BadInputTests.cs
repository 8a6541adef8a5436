using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;
using nn = RtfmGym.Torch.torch.nn;

namespace RtfmGym.Torch.Tests;

/// <summary>Bad input gives a typed exception with a useful message, and the process keeps working.</summary>
public class BadInputTests : TorchTestBase
{
    [TearDown]
    public void StillWorks() => AssertValues(F([1, 2]) + F([3, 4]), [4, 6]);

    public static IEnumerable<TestCaseData> ShapeMismatches()
    {
        yield return new TestCaseData(new long[] { 2, 3 }, new long[] { 4, 5 }, "matmul").SetName("Matmul_InnerDimsDiffer_ThrowsTorchException");
        yield return new TestCaseData(new long[] { 3 }, new long[] { 4 }, "add").SetName("Add_NonBroadcastable_ThrowsTorchException");
        yield return new TestCaseData(new long[] { 2, 3 }, new long[] { 2, 4 }, "cat0").SetName("Cat_OtherDimsDiffer_ThrowsTorchException");
        yield return new TestCaseData(new long[] { 6 }, new long[] { 4 }, "reshape").SetName("Reshape_WrongElementCount_ThrowsTorchException");
    }

    [TestCaseSource(nameof(ShapeMismatches))]
    public void Op_ShapeMismatch_Throws(long[] a, long[] b, string op)
    {
        var x = torch.ones(a);
        var y = torch.ones(b);
        var e = Assert.Throws<TorchException>(() => _ = op switch
        {
            "matmul" => x.matmul(y),
            "add" => x + y,
            "cat0" => torch.cat([x, y], 0),
            _ => x.reshape(b),
        });
        Assert.That(e!.Message, Does.Match("size|shape|match|invalid").IgnoreCase);
        Assert.That(e.Message, Does.Not.Contain("Exception raised from"), "no C++ backtrace in the message");
    }

    [Test]
    public void Add_ShapeMismatch_MessageCarriesLibtorchText()
    {
        var e = Assert.Throws<TorchException>(() => _ = torch.ones([3]) + torch.ones([4]));
        Assert.That(e!.Message, Does.Contain("The size of tensor a (3) must match the size of tensor b (4)"));
    }

    [Test]
    public void CopyTo_WrongDtype_ThrowsNamingBothTypes()
    {
        var e = Assert.Throws<TorchException>(() => torch.ones([2], ScalarType.Int64).ToArray<float>());
        Assert.That(e!.Message, Does.Contain("int64").And.Contain("float32"));
    }

    [Test]
    public void Tensor_UnsupportedElementType_Throws()
    {
        Assert.Throws<TorchException>(() => torch.tensor(new decimal[] { 1 }.Select(d => (ulong)d).ToArray()));
    }

    [Test]
    public void CopyTo_WrongLength_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => F([1, 2, 3]).CopyTo(new float[2].AsSpan()));
        Assert.That(e!.Message, Does.Contain("3"));
    }

    [Test]
    public void Item_ManyElements_Throws()
    {
        var e = Assert.Throws<TorchException>(() => F([1, 2]).item<float>());
        Assert.That(e!.Message, Does.Contain("one element"));
    }

    [Test]
    public void Ops_DisposedTensor_ThrowObjectDisposedException()
    {
        var x = F([1, 2]);
        x.Dispose();
        var e = Assert.Throws<ObjectDisposedException>(() => _ = x + 1);
        Assert.That(e!.Message, Does.Contain("disposed"));
        Assert.Throws<ObjectDisposedException>(() => x.ToArray<float>());
        Assert.That(x.ToString(), Is.EqualTo("tensor(disposed)"));
    }

    [Test]
    public void Cuda_WhenUnavailable_ThrowsTorchExceptionExplainingHow()
    {
        if (torch.cuda.is_available())
        {
            Assert.Ignore("CUDA is available; the unavailable path cannot be exercised");
        }
        var e = Assert.Throws<TorchException>(() => F([1]).cuda());
        Assert.That(e!.Message, Does.Contain("CUDA is not available"));
        Assert.Throws<TorchException>(() => torch.zeros([1], device: Device.CUDA));
    }

    [Test]
    public void Backward_NonScalarWithoutGradient_Throws()
    {
        var x = torch.ones([2], requires_grad: true);
        Assert.Throws<TorchException>(() => (x * 2).backward());
    }

    [Test]
    public void Backward_NoGradTensor_Throws()
    {
        Assert.Throws<TorchException>(() => torch.ones([1]).sum().backward());
    }

    [TestCase(-1)]
    [TestCase(0)]
    public void Chunk_NonPositive_ThrowsArgumentOutOfRange(long chunks)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => F([1, 2]).chunk(chunks));
    }

    [TestCase("tpu")]
    [TestCase("")]
    public void DeviceParse_Unknown_ThrowsArgumentException(string text)
    {
        Assert.Throws<ArgumentException>(() => Device.Parse(text));
    }

    [Test]
    public void Interpolate_WrongRank_Throws()
    {
        Assert.Throws<TorchException>(() => nn.functional.interpolate(F([1, 2]), 2, 2));
    }

    [Test]
    public void CrossEntropy_FloatTargets_Throws()
    {
        Assert.Throws<TorchException>(() => nn.functional.cross_entropy(F([1, 2], 1, 2), F([1])));
    }
}
