using RtfmGym.Cli.Output;

namespace RtfmGym.Cli.Tests.Output;

public class FrameSamplerTests
{
    [TestCase(1, new[] { 0 })]
    [TestCase(5, new[] { 0, 1, 2, 3, 4 })]
    [TestCase(8, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    [TestCase(100, new[] { 0, 8, 24, 40, 56, 72, 88, 99 })]
    [TestCase(1001, new[] { 0, 128, 256, 384, 576, 704, 832, 1000 })]
    public void Pick_StreamOfFrames_FirstLastAndSpreadBetween(int frames, int[] expected)
    {
        var sampler = new FrameSampler(8);
        for (int i = 0; i < frames; i++) sampler.Add(BitConverter.GetBytes(i));
        Assert.That(sampler.Pick().Select(f => BitConverter.ToInt32(f)), Is.EqualTo(expected));
    }
}
