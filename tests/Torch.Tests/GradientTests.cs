using NUnit.Framework;
using F_ = RtfmGym.Torch.torch.nn.functional;

namespace RtfmGym.Torch.Tests;

/// <summary>Autograd gradients of each differentiable op against finite differences (float64).</summary>
public class GradientTests : TorchTestBase
{
    /// <summary>A named op with the shapes of its inputs; <c>Positive</c> keeps inputs away from log/sqrt/div singularities.</summary>
    public sealed record Case(string Name, long[][] Shapes, Func<Tensor[], Tensor> Op, bool Positive = false)
    {
        public override string ToString() => Name;
    }

    private static Case C(string name, Func<Tensor[], Tensor> op, bool positive, params long[][] shapes) => new(name, shapes, op, positive);

    public static IEnumerable<Case> Cases() =>
    [
        C("add_broadcast", x => x[0] + x[1], false, [2, 3], [3]),
        C("sub_broadcast", x => x[0] - x[1], false, [2, 3], [2, 1]),
        C("mul_broadcast", x => x[0] * x[1], false, [2, 3], [1, 3]),
        C("div", x => x[0] / x[1], true, [2, 3], [2, 3]),
        C("scalar_forms", x => (2 - x[0]) * 3 + 1 / x[0], true, [4]),
        C("pow_scalar", x => x[0].pow(3), false, [4]),
        C("pow_tensor", x => x[0].pow(x[1]), true, [3], [3]),
        C("exp", x => x[0].exp(), false, [4]),
        C("log", x => x[0].log(), true, [4]),
        C("sqrt", x => x[0].sqrt(), true, [4]),
        C("sin_cos", x => x[0].sin() * x[0].cos(), false, [4]),
        C("neg_abs", x => x[0].neg().abs(), true, [4]),
        C("tanh_sigmoid_relu", x => x[0].tanh() + x[0].sigmoid() * x[0].relu(), false, [6]),
        C("rsqrt", x => x[0].rsqrt(), true, [4]),
        C("maximum_minimum", x => x[0].maximum(x[1]) + x[0].minimum(x[1]), false, [5], [5]),
        C("unsqueeze_expand_squeeze", x => x[0].unsqueeze(1).expand([3, 2]).flatten() + x[0].unsqueeze(0).squeeze(0).sum(), false, [3]),
        C("masked_fill", x => x[0].masked_fill(torch.tensor(new[] { true, false, true }), 0), false, [3]),
        C("matmul", x => x[0].matmul(x[1]), false, [2, 3], [3, 2]),
        C("bmm", x => x[0].bmm(x[1]), false, [2, 2, 3], [2, 3, 2]),
        C("reshape_permute_transpose", x => x[0].reshape([3, 2, 2]).permute([2, 0, 1]).transpose(0, 2).contiguous(), false, [2, 6]),
        C("cat_stack", x => torch.cat([x[0], torch.stack([x[1], x[1]], 0)], 0), false, [1, 3], [3]),
        C("chunk_split", x => x[0].chunk(2, 1)[1] * x[0].split(2, 1)[0], false, [2, 4]),
        C("narrow_select_index", x => x[0].narrow(1, 1, 2).select(0, 1) + x[0].index_select(0, torch.tensor(new long[] { 0, 0 })).sum(0).narrow(0, 0, 2), false, [2, 3]),
        C("slice", x => x[0].slice(1, 0, long.MaxValue, 2), false, [2, 5]),
        C("sum_mean_dims", x => x[0].sum(1) * x[0].mean(1), false, [3, 4]),
        C("var", x => x[0].var(1), false, [2, 4]),
        C("max_dim", x => x[0].max(1).values, false, [3, 4]),
        C("softmax", x => F_.softmax(x[0], 1), false, [2, 4]),
        C("log_softmax", x => F_.log_softmax(x[0], -1), false, [2, 4]),
        C("layer_norm", x => F_.layer_norm(x[0], [4], x[1], x[2]), false, [2, 4], [4], [4]),
        C("group_norm", x => F_.group_norm(x[0], 2, x[1], x[2]), false, [2, 4, 2, 1], [4], [4]),
        C("gelu", x => F_.gelu(x[0]), false, [5]),
        C("gelu_tanh", x => F_.gelu(x[0], tanhApproximation: true), false, [5]),
        C("silu", x => F_.silu(x[0]), false, [5]),
        C("where", x => torch.where(x[0].gt(0), x[0] * x[1], x[1]), false, [5], [5]),
        C("clamp", x => x[0].clamp(-0.5, 0.5), false, [6]),
        C("linear", x => F_.linear(x[0], x[1], x[2]), false, [2, 3], [4, 3], [4]),
        C("conv2d", x => F_.conv2d(x[0], x[1], x[2], padding: 1), false, [1, 2, 3, 3], [2, 2, 2, 2], [2]),
        C("conv_transpose2d", x => F_.conv_transpose2d(x[0], x[1], x[2], stride: 2), false, [1, 2, 2, 2], [2, 1, 2, 2], [1]),
        C("interpolate_bilinear", x => F_.interpolate(x[0], 3, 5), false, [1, 1, 2, 3]),
        C("sdpa", x => F_.scaled_dot_product_attention(x[0], x[1], x[2], isCausal: true), false, [1, 3, 2], [1, 3, 2], [1, 3, 2]),
        C("mse_loss", x => F_.mse_loss(x[0], x[1]), false, [2, 3], [2, 3]),
        C("embedding_weight", x => F_.embedding(torch.tensor(new long[] { 2, 0, 2 }), x[0]), false, [3, 2]),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Backward_Op_MatchesFiniteDifferences(Case c)
    {
        using var g = torch.Generator(11);
        var inputs = c.Shapes.Select(s =>
        {
            var x = torch.randn(s, g, ScalarType.Float64);
            return c.Positive ? x.abs() + 0.5 : x;
        }).ToArray();
        GradCheck.Check(c.Op, inputs);
    }

    [Test]
    public void Backward_CrossEntropy_MatchesFiniteDifferences()
    {
        using var g = torch.Generator(5);
        var target = torch.tensor(new long[] { 1, 0, 2 });
        GradCheck.Check(x => F_.cross_entropy(x[0], target), [torch.randn([3, 3], g, ScalarType.Float64)]);
    }

    [Test]
    public void Grad_AccumulatesAndZeroGradClears()
    {
        var x = torch.tensor(new double[] { 1, 2 }, requires_grad: true);
        Assert.That(x.grad(), Is.Null);
        (x * x).sum().backward();
        (x * 3).sum().backward();
        TestUtil.AssertValues(x.grad()!, [5, 7]);
        x.zero_grad();
        Assert.That(x.grad(), Is.Null);
        var d = (x * 2).detach();
        Assert.That(d.requires_grad, Is.False);
    }
}
