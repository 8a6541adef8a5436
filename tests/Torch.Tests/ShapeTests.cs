using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;

namespace RtfmGym.Torch.Tests;

public class ShapeTests : TorchTestBase
{
    private static Tensor Range(params long[] shape) =>
        torch.arange(0, shape.Aggregate(1L, (a, b) => a * b), dtype: ScalarType.Float32).reshape(shape);

    [Test]
    public void ReshapeView_InferredDim_KeepsOrder()
    {
        var x = Range(2, 3);
        AssertShape(x.reshape([3, -1]), 3, 2);
        AssertShape(x.view([6]), 6);
        AssertValues(x.flatten(), [0, 1, 2, 3, 4, 5]);
        AssertShape(x.unsqueeze(0), 1, 2, 3);
        AssertShape(x.unsqueeze(0).squeeze(0), 2, 3);
        AssertShape(F([1], 1, 1).expand([2, 3]), 2, 3);
    }

    [Test]
    public void PermuteTranspose_2x3_SwapsElements()
    {
        var x = Range(2, 3);
        AssertValues(x.t().contiguous(), [0, 3, 1, 4, 2, 5]);
        AssertValues(x.transpose(0, 1), [0, 3, 1, 4, 2, 5]);
        var y = Range(2, 3, 4).permute([2, 0, 1]);
        AssertShape(y, 4, 2, 3);
        Assert.That(Values(y.select(0, 1)), Is.EqualTo(new double[] { 1, 5, 9, 13, 17, 21 }));
    }

    [Test]
    public void View_NonContiguous_ThrowsTorchException()
    {
        var x = Range(2, 3).t();
        Assert.Throws<TorchException>(() => x.view([6]));
    }

    [Test]
    public void CatStack_TwoTensors_JoinAlongDim()
    {
        var a = Range(2, 2);
        var b = Range(2, 2) + 10;
        AssertValues(torch.cat([a, b], 0), [0, 1, 2, 3, 10, 11, 12, 13]);
        AssertValues(torch.cat([a, b], 1), [0, 1, 10, 11, 2, 3, 12, 13]);
        var s = torch.stack([a, b], 1);
        AssertShape(s, 2, 2, 2);
        AssertValues(s, [0, 1, 10, 11, 2, 3, 12, 13]);
    }

    [Test]
    public void ChunkSplit_UnevenLength_LastPartSmaller()
    {
        var x = Range(5);
        var chunks = x.chunk(2);
        Assert.That(chunks.Select(c => c.numel()), Is.EqualTo(new long[] { 3, 2 }));
        AssertValues(chunks[1], [3, 4]);
        var parts = x.split(2);
        Assert.That(parts.Select(c => c.numel()), Is.EqualTo(new long[] { 2, 2, 1 }));
        AssertValues(parts[2], [4]);
    }

    [Test]
    public void Indexing_NarrowSelectIndexSelectSlice_PickExpectedElements()
    {
        var x = Range(3, 4);
        AssertValues(x.narrow(1, 1, 2), [1, 2, 5, 6, 9, 10]);
        AssertValues(x.select(0, 2), [8, 9, 10, 11]);
        AssertValues(x[1], [4, 5, 6, 7]);
        AssertValues(x.index_select(0, torch.tensor(new long[] { 2, 0 })), [8, 9, 10, 11, 0, 1, 2, 3]);
        AssertValues(x.slice(1, 0, long.MaxValue, 2), [0, 2, 4, 6, 8, 10]);
        AssertValues(x.slice(0, -1, long.MaxValue), [8, 9, 10, 11]);
        AssertValues(x[TensorIndex.Colon, TensorIndex.Slice(1, 3)], [1, 2, 5, 6, 9, 10]);
        AssertValues(x[1..3, 3], [7, 11]);
        AssertValues(x[.., ^1..], [3, 7, 11]);
    }

    [TestCase(5, 2, 2)]
    [TestCase(0, 0, 9)]
    [TestCase(1, 3, 2)]
    public void Narrow_OutOfRange_ThrowsTorchException(long dim, long start, long length)
    {
        var x = Range(3, 4);
        Assert.Throws<TorchException>(() => x.narrow(dim, start, length));
    }
}
