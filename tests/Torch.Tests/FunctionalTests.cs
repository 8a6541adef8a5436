using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;
using F_ = RtfmGym.Torch.torch.nn.functional;

namespace RtfmGym.Torch.Tests;

public class FunctionalTests : TorchTestBase
{
    [Test]
    public void Softmax_Row_MatchesExpNormalised()
    {
        double[] row = [1, 2, 3];
        var expected = row.Select(v => Math.Exp(v)).ToArray();
        var total = expected.Sum();
        AssertValues(F_.softmax(D(row, 1, 3), 1), expected.Select(e => e / total).ToArray(), 1e-12);
        AssertValues(F_.log_softmax(D(row), 0), expected.Select(e => Math.Log(e / total)).ToArray(), 1e-12);
    }

    [Test]
    public void LayerNorm_Row_ZeroMeanUnitBiasedVariance()
    {
        double[] row = [1, 2, 3, 4];
        var mean = row.Average();
        var variance = row.Select(v => (v - mean) * (v - mean)).Average();
        var expected = row.Select(v => (v - mean) / Math.Sqrt(variance + 1e-5)).ToArray();
        AssertValues(F_.layer_norm(D(row, 1, 4), [4]), expected, 1e-9);
        var affine = F_.layer_norm(D(row, 1, 4), [4], D([2, 2, 2, 2]), D([1, 1, 1, 1]));
        AssertValues(affine, expected.Select(v => 2 * v + 1).ToArray(), 1e-9);
    }

    [Test]
    public void GroupNorm_TwoGroups_NormalisesEachGroup()
    {
        // N=1, C=4, H=W=1: groups {c0,c1} and {c2,c3}.
        var x = D([1, 3, 10, 30], 1, 4, 1, 1);
        var y = F_.group_norm(x, 2, eps: 0);
        AssertValues(y, [-1, 1, -1, 1], 1e-9);
    }

    [Test]
    public void Interpolate_Nearest2x_RepeatsPixels()
    {
        var x = F([1, 2, 3, 4], 1, 1, 2, 2);
        var y = F_.interpolate(x, 4, 4, InterpolationMode.Nearest);
        AssertShape(y, 1, 1, 4, 4);
        AssertValues(y, [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    }

    [Test]
    public void Interpolate_BilinearAlignCorners_LinearRamp()
    {
        var x = F([0, 2], 1, 1, 1, 2);
        AssertValues(F_.interpolate(x, 1, 3, InterpolationMode.Bilinear, alignCorners: true), [0, 1, 2]);
        // Half-pixel centres (align_corners=false): output x=0.5 maps to input 0 → edge clamps.
        AssertValues(F_.interpolate(x, 1, 4, InterpolationMode.Bilinear), [0, 0.5, 1.5, 2]);
    }

    [Test]
    public void Conv2d_SumKernel_MatchesHandConvolution()
    {
        var x = F([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 1, 3, 3);
        var w = F([1, 1, 1, 1], 1, 1, 2, 2);
        AssertValues(F_.conv2d(x, w, F([0.5f])), [12.5, 16.5, 24.5, 28.5]);
        var padded = F_.conv2d(x, w, padding: 1, stride: 2);
        AssertShape(padded, 1, 1, 2, 2);
        AssertValues(padded, [1, 5, 11, 28]);
    }

    [Test]
    public void ConvTranspose2d_Stride2_ScattersKernel()
    {
        var x = F([1, 2], 1, 1, 1, 2);
        var w = F([1, 10, 100, 1000], 1, 1, 2, 2);
        var y = F_.conv_transpose2d(x, w, stride: 2);
        AssertShape(y, 1, 1, 2, 4);
        AssertValues(y, [1, 10, 2, 20, 100, 1000, 200, 2000]);
    }

    [Test]
    public void ScaledDotProductAttention_OneQuery_WeightsBySoftmaxOfScores()
    {
        var q = D([1, 0], 1, 1, 2);
        var k = D([1, 0, 0, 1], 1, 2, 2);
        var v = D([10, 0, 0, 20], 1, 2, 2);
        var s = Math.Exp(1 / Math.Sqrt(2));
        var w0 = s / (s + 1);
        AssertValues(F_.scaled_dot_product_attention(q, k, v), [10 * w0, 20 * (1 - w0)], 1e-9);
    }

    [Test]
    public void ScaledDotProductAttention_CausalAndMask_MatchReference()
    {
        using var g = torch.Generator(3);
        var q = torch.randn([2, 4, 8], g, ScalarType.Float64);
        var k = torch.randn([2, 4, 8], g, ScalarType.Float64);
        var v = torch.randn([2, 4, 8], g, ScalarType.Float64);
        var causal = F_.scaled_dot_product_attention(q, k, v, isCausal: true);
        var reference = Reference(q, k, v, causal: true);
        AssertValues(causal, Values(reference), 1e-9);
        // Query 0 may only see key 0 under the causal mask.
        AssertValues(causal.select(1, 0), Values(v.select(1, 0)), 1e-9);
        var mask = torch.tensor(new[] { true, false, true, true }, [1, 4]);
        AssertValues(F_.scaled_dot_product_attention(q, k, v, mask), Values(Reference(q, k, v, mask: mask)), 1e-9);
    }

    private static Tensor Reference(Tensor q, Tensor k, Tensor v, Tensor? mask = null, bool causal = false) =>
        NativeMethods.Wrap(NativeMethods.rt_attention_reference(q.Handle, k.Handle, v.Handle, mask?.Handle ?? TensorHandle.Null, causal ? 1 : 0));

    [Test]
    public void MseLoss_Reductions_MatchHandValues()
    {
        var a = F([1, 2, 3]);
        var b = F([1, 4, 0]);
        Assert.That(F_.mse_loss(a, b).item<float>(), Is.EqualTo(13f / 3).Within(1e-6));
        Assert.That(F_.mse_loss(a, b, Reduction.Sum).item<float>(), Is.EqualTo(13));
        AssertValues(F_.mse_loss(a, b, Reduction.None), [0, 4, 9]);
    }

    [Test]
    public void CrossEntropy_Logits_MatchesNegativeLogSoftmax()
    {
        var logits = D([1, 2, 3, 1, 1, 1], 2, 3);
        var target = torch.tensor(new long[] { 2, 0 });
        var lse0 = Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3));
        var expected = ((lse0 - 3) + Math.Log(3)) / 2;
        Assert.That(F_.cross_entropy(logits, target).item<double>(), Is.EqualTo(expected).Within(1e-12));
        var ignored = torch.tensor(new long[] { 2, -100 });
        Assert.That(F_.cross_entropy(logits, ignored).item<double>(), Is.EqualTo(lse0 - 3).Within(1e-12));
    }

    [Test]
    public void EmbeddingLinear_Values_LookUpAndProject()
    {
        var table = F([0, 0, 1, 1, 2, 2], 3, 2);
        AssertValues(F_.embedding(torch.tensor(new long[] { 2, 0 }), table), [2, 2, 0, 0]);
        var w = F([1, 2, 3, 4], 2, 2);
        AssertValues(F_.linear(F([1, 1], 1, 2), w, F([10, 20])), [13, 27]);
    }

    [Test]
    public void Dropout_TrainingAndEval_ScalesOrPassesThrough()
    {
        torch.manual_seed(0);
        var x = torch.ones([10000]);
        var y = Values(F_.dropout(x, 0.25, training: true));
        Assert.That(y.Distinct().Order(), Is.EqualTo(new double[] { 0, 1 / 0.75 }).Within(1e-6));
        Assert.That(y.Count(v => v == 0) / 10000.0, Is.EqualTo(0.25).Within(0.03));
        AssertValues(F_.dropout(x, 0.25, training: false), Enumerable.Repeat(1.0, 10000).ToArray());
    }
}
