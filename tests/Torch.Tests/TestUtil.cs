using NUnit.Framework;

namespace RtfmGym.Torch.Tests;

/// <summary>Helpers shared by the tests: tensor construction and value comparison.</summary>
internal static class TestUtil
{
    /// <summary>A float32 tensor with the given values and shape.</summary>
    public static Tensor F(float[] values, params long[] shape) => torch.tensor(values, shape.Length == 0 ? null : shape);

    /// <summary>A float64 tensor with the given values and shape.</summary>
    public static Tensor D(double[] values, params long[] shape) => torch.tensor(values, shape.Length == 0 ? null : shape);

    /// <summary>Values of any floating tensor as float64, row-major.</summary>
    public static double[] Values(Tensor t)
    {
        using var d = t.to(ScalarType.Float64, Device.CPU);
        return d.ToArray<double>();
    }

    public static void AssertValues(Tensor actual, double[] expected, double tolerance = 1e-5)
    {
        var values = Values(actual);
        Assert.That(values, Has.Length.EqualTo(expected.Length), $"element count of {actual}");
        for (var i = 0; i < values.Length; i++)
        {
            Assert.That(values[i], Is.EqualTo(expected[i]).Within(tolerance), $"element {i} of {actual}");
        }
    }

    public static void AssertShape(Tensor actual, params long[] shape) =>
        Assert.That(actual.shape, Is.EqualTo(shape), $"shape of {actual}");
}
