using NUnit.Framework;

namespace RtfmGym.Torch.Tests;

/// <summary>
/// Compares autograd gradients with central finite differences in float64. The output is reduced with
/// fixed random weights (not a plain sum) so ops whose outputs sum to a constant, such as softmax,
/// still get a non-trivial check.
/// </summary>
internal static class GradCheck
{
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, bool[]? differentiable = null, double eps = 1e-6, double tolerance = 1e-5)
    {
        using var scope = torch.NewDisposeScope();
        var leaves = inputs.Select((x, i) => differentiable is null || differentiable[i]
            ? x.detach().clone().requires_grad_()
            : x).ToArray();
        var output = f(leaves);
        using var gen = torch.Generator(1234);
        var weights = torch.randn(output.shape, gen, ScalarType.Float64);
        (output * weights).sum().backward();

        for (var k = 0; k < inputs.Length; k++)
        {
            if (differentiable is not null && !differentiable[k])
            {
                continue;
            }
            var analytic = TestUtil.Values(leaves[k].grad() ?? torch.zeros_like(inputs[k]));
            var baseValues = inputs[k].ToArray<double>();
            for (var i = 0; i < baseValues.Length; i++)
            {
                var numeric = (Evaluate(f, inputs, weights, k, baseValues, i, eps) - Evaluate(f, inputs, weights, k, baseValues, i, -eps)) / (2 * eps);
                Assert.That(analytic[i], Is.EqualTo(numeric).Within(tolerance + tolerance * Math.Abs(numeric)),
                    $"d/d input{k}[{i}]");
            }
        }
    }

    private static double Evaluate(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights, int k, double[] baseValues, int i, double delta)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var perturbed = (double[])baseValues.Clone();
        perturbed[i] += delta;
        var args = (Tensor[])inputs.Clone();
        args[k] = torch.tensor(perturbed, inputs[k].shape);
        return (f(args) * weights).sum().item<double>();
    }
}
