using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Tests.Spaces;

public class NDArrayTests
{
    [Test]
    public void From_Floats_RoundTripsThroughBytes()
    {
        var a = NDArray.From<float>(new[] { 1f, -2.5f, 3f, 4f }, 2, 2);
        var b = new NDArray(DType.Float32, [2, 2], a.RawBytes);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(b.AsSpan<float>()[1], Is.EqualTo(-2.5f));
        Assert.That(b.ToString(), Does.StartWith("float32[2, 2]"));
    }

    [Test]
    public void Constructor_ByteCountMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => new NDArray(DType.Float32, [3], new byte[8]));

    [Test]
    public void AsSpan_WrongElementType_Throws() =>
        Assert.Throws<InvalidOperationException>(() => NDArray.Vector(1f, 2f).AsSpan<double>());
}
