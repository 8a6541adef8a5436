using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;

namespace RtfmGym.Torch.Tests;

public class DenormalTests : TorchTestBase
{
    private static readonly float Tiny = 1e-39f;

    [Test]
    public void Multiply_DenormalInput_FlushedToZeroInsideTorchOnly()
    {
        Assert.That(float.IsSubnormal(Tiny), Is.True);
        var x = F([Tiny, 1f]);
        float[] product = (x * 1.0).ToArray<float>();
        Assert.That(product, Is.EqualTo(new[] { 0f, 1f }), "a denormal is treated as zero inside a call");
        // The caller's floating-point mode is restored: managed arithmetic on this thread keeps denormals.
        Assert.That(float.IsSubnormal(Tiny * Scale()), Is.True);
    }

    private static float Scale() => 1f;
}
