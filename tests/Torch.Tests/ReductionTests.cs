using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;

namespace RtfmGym.Torch.Tests;

public class ReductionTests : TorchTestBase
{
    private static readonly float[] Data = [1, 2, 3, 4, 5, 6];

    [Test]
    public void SumMean_AllAndPerDim_MatchHandValues()
    {
        var x = F(Data, 2, 3);
        Assert.That(x.sum().item<float>(), Is.EqualTo(21));
        Assert.That(x.mean().item<float>(), Is.EqualTo(3.5f));
        AssertValues(x.sum(0), [5, 7, 9]);
        AssertValues(x.sum(1), [6, 15]);
        AssertShape(x.sum(1, keepdim: true), 2, 1);
        AssertValues(x.mean(-1), [2, 5]);
        AssertValues(x.sum([0, 1]), [21]);
    }

    [Test]
    public void Var_UnbiasedAndBiased_MatchHandValues()
    {
        var x = F(Data, 2, 3);
        // Row [1,2,3]: mean 2, squared deviations sum 2 → 1 unbiased, 2/3 biased.
        AssertValues(x.var(1), [1, 1]);
        AssertValues(x.var(1, unbiased: false), [2.0 / 3, 2.0 / 3]);
        Assert.That(x.var().item<double>(), Is.EqualTo(3.5).Within(1e-6));
    }

    [Test]
    public void Max_AllAndDim_ReturnsValuesAndIndices()
    {
        var x = F([3, 9, 1, 7, 2, 8], 2, 3);
        Assert.That(x.max().item<float>(), Is.EqualTo(9));
        Assert.That(x.min().item<float>(), Is.EqualTo(1));
        var (values, indices) = x.max(1);
        AssertValues(values, [9, 8]);
        Assert.That(indices.ToArray<long>(), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(x.argmax(0).ToArray<long>(), Is.EqualTo(new long[] { 1, 0, 1 }));
        Assert.That(F([3, 4]).norm().item<float>(), Is.EqualTo(5));
    }
}
