using NUnit.Framework;
using nn = RtfmGym.Torch.torch.nn;

namespace RtfmGym.Torch.Tests;

public class CheckpointMismatchTests : TorchTestBase
{
    private string _path = null!;

    [SetUp]
    public void MakePath() => _path = Path.Combine(Directory.CreateTempSubdirectory("rtfm-ck-").FullName, "m.safetensors");

    [TearDown]
    public void RemovePath() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    private void Save(params (string name, Tensor tensor)[] tensors) =>
        SafeTensors.Save(_path, tensors.Select(t => KeyValuePair.Create(t.name, t.tensor)));

    [TestCase("missing", "missing 'bias'")]
    [TestCase("shape", "shape of 'weight': checkpoint [3, 2] vs module [2, 3]")]
    [TestCase("dtype", "dtype of 'bias': checkpoint float64 vs module float32")]
    [TestCase("unexpected", "unexpected 'extra'")]
    public void Load_Mismatch_ThrowsNamingTheTensor(string kind, string message)
    {
        using var linear = new nn.Linear(3, 2);
        var weight = kind == "shape" ? torch.zeros([3, 2]) : torch.zeros([2, 3]);
        var bias = kind == "dtype" ? torch.zeros([2], ScalarType.Float64) : torch.zeros([2]);
        var entries = new List<(string, Tensor)> { ("weight", weight) };
        if (kind != "missing")
        {
            entries.Add(("bias", bias));
        }
        if (kind == "unexpected")
        {
            entries.Add(("extra", torch.zeros([1])));
        }
        Save(entries.ToArray());
        var before = linear.weight.ToArray<float>();

        var e = Assert.Throws<CheckpointMismatchException>(() => linear.load(_path));
        Assert.That(e!.Message, Does.Contain(message));
        Assert.That(e.Problems, Has.Count.EqualTo(1));
        Assert.That(linear.weight.ToArray<float>(), Is.EqualTo(before), "nothing copied on mismatch");
        Assert.That(linear.call(torch.ones([1, 3])).shape, Is.EqualTo(new long[] { 1, 2 }), "module still usable");
    }

    [Test]
    public void Load_NonStrictWithExtraAndMissing_LoadsTheRest()
    {
        using var linear = new nn.Linear(3, 2);
        Save(("weight", torch.ones([2, 3])), ("extra", torch.zeros([1])));
        linear.load(_path, strict: false);
        Assert.That(linear.weight.ToArray<float>(), Is.All.EqualTo(1f));
    }
}
