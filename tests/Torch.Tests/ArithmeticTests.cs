using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;

namespace RtfmGym.Torch.Tests;

public class ArithmeticTests : TorchTestBase
{
    [Test]
    public void Operators_Broadcasting_RowPlusColumn()
    {
        var row = F([1, 2, 3], 1, 3);
        var col = F([10, 20], 2, 1);
        var sum = row + col;
        AssertShape(sum, 2, 3);
        AssertValues(sum, [11, 12, 13, 21, 22, 23]);
        AssertValues(col - row, [9, 8, 7, 19, 18, 17]);
        AssertValues(row * col, [10, 20, 30, 20, 40, 60]);
        AssertValues(col / row, [10, 5, 10.0 / 3, 20, 10, 20.0 / 3]);
    }

    [Test]
    public void Operators_ScalarForms_MatchPlainArithmetic()
    {
        var x = F([1, 2, 4]);
        AssertValues(x + 1, [2, 3, 5]);
        AssertValues(1 + x, [2, 3, 5]);
        AssertValues(x - 1, [0, 1, 3]);
        AssertValues(1 - x, [0, -1, -3]);
        AssertValues(x * 2, [2, 4, 8]);
        AssertValues(2 * x, [2, 4, 8]);
        AssertValues(x / 2, [0.5, 1, 2]);
        AssertValues(2 / x, [2, 1, 0.5]);
        AssertValues(-x, [-1, -2, -4]);
    }

    [Test]
    public void ElementwiseFunctions_MatchMath()
    {
        double[] input = [0.5, 1, 2];
        var x = D(input);
        AssertValues(x.exp(), input.Select(v => Math.Exp(v)).ToArray(), 1e-12);
        AssertValues(x.log(), input.Select(v => Math.Log(v)).ToArray(), 1e-12);
        AssertValues(x.sqrt(), input.Select(v => Math.Sqrt(v)).ToArray(), 1e-12);
        AssertValues(x.sin(), input.Select(v => Math.Sin(v)).ToArray(), 1e-12);
        AssertValues(x.cos(), input.Select(v => Math.Cos(v)).ToArray(), 1e-12);
        AssertValues(x.pow(3), input.Select(v => v * v * v).ToArray(), 1e-12);
        AssertValues(x.pow(D([2, 0, 1])), [0.25, 1, 2], 1e-12);
        AssertValues((-x).abs(), input, 1e-12);
        AssertValues(x.neg(), input.Select(v => -v).ToArray(), 1e-12);
        AssertValues(x.tanh(), input.Select(v => Math.Tanh(v)).ToArray(), 1e-12);
        AssertValues(x.sigmoid(), input.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), 1e-12);
    }

    [Test]
    public void Activations_GeluSiluRelu_MatchFormulas()
    {
        double[] input = [-2, -0.5, 0, 0.5, 2];
        var x = D(input);
        // Exact GELU is x·Φ(x); Φ(0.5) = 0.69146246, Φ(2) = 0.97724987 from normal tables.
        AssertValues(torch.nn.functional.gelu(x), [-0.0455002639, -0.1542687694, 0, 0.3457312306, 1.9544997361], 1e-9);
        AssertValues(torch.nn.functional.gelu(x, tanhApproximation: true),
            input.Select(v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)))).ToArray(), 1e-12);
        AssertValues(torch.nn.functional.silu(x), input.Select(v => v / (1 + Math.Exp(-v))).ToArray(), 1e-12);
        AssertValues(torch.nn.functional.relu(x), input.Select(v => Math.Max(0, v)).ToArray(), 1e-12);
    }

    [Test]
    public void Matmul_2x3By3x2_MatchesHandProduct()
    {
        var a = F([1, 2, 3, 4, 5, 6], 2, 3);
        var b = F([7, 8, 9, 10, 11, 12], 3, 2);
        AssertValues(a.matmul(b), [58, 64, 139, 154]);
        AssertValues(torch.matmul(a, b), [58, 64, 139, 154]);
    }

    [Test]
    public void Bmm_TwoBatches_EachMultipliedSeparately()
    {
        var a = F([1, 0, 0, 1, 2, 0, 0, 2], 2, 2, 2);
        var b = F([1, 2, 3, 4, 1, 2, 3, 4], 2, 2, 2);
        AssertValues(torch.bmm(a, b), [1, 2, 3, 4, 2, 4, 6, 8]);
    }

    [Test]
    public void WhereAndClamp_Values_SelectAndBound()
    {
        var x = F([-2, -1, 0, 1, 2]);
        AssertValues(torch.where(x.gt(0), x, x * 10), [-20, -10, 0, 1, 2]);
        AssertValues(x.clamp(-1, 1), [-1, -1, 0, 1, 1]);
        AssertValues(x.clamp(min: 0), [0, 0, 0, 1, 2]);
        AssertValues(x.clamp(max: 0), [-2, -1, 0, 0, 0]);
        AssertValues(x.maximum(F([0])), [0, 0, 0, 1, 2]);
        AssertValues(x.masked_fill(x.lt(0), 9), [9, 9, 0, 1, 2]);
    }

    [Test]
    public void Comparisons_Values_ProduceBoolTensors()
    {
        var a = F([1, 2, 3]);
        var b = F([3, 2, 1]);
        Assert.That(a.eq(b).dtype, Is.EqualTo(ScalarType.Bool));
        Assert.That(a.eq(b).ToArray<bool>(), Is.EqualTo(new[] { false, true, false }));
        Assert.That(a.lt(b).ToArray<bool>(), Is.EqualTo(new[] { true, false, false }));
        Assert.That(a.ge(b).ToArray<bool>(), Is.EqualTo(new[] { false, true, true }));
        Assert.That(a.eq(2).ToArray<bool>(), Is.EqualTo(new[] { false, true, false }));
    }
}
