using NUnit.Framework;
using static RtfmGym.Torch.Tests.TestUtil;
using nn = RtfmGym.Torch.torch.nn;

namespace RtfmGym.Torch.Tests;

public class ModuleTests : TorchTestBase
{
    /// <summary>A small tree: a Linear, a LayerNorm inside a Sequential, a ModuleList and a buffer.</summary>
    private sealed class Net : nn.Module<Tensor, Tensor>
    {
        public Net()
        {
            using var g = torch.Generator(1);
            Body = register_module("body", new nn.Sequential(new nn.Linear(3, 4, generator: g), new nn.LayerNorm([4])));
            Heads = register_module("heads", new nn.ModuleList<nn.Linear>(new nn.Linear(4, 2, generator: g), new nn.Linear(4, 1, hasBias: false, generator: g)));
            register_buffer("scale", torch.full([1], 2.0));
        }

        public nn.Sequential Body { get; }

        public nn.ModuleList<nn.Linear> Heads { get; }

        public override Tensor forward(Tensor input)
        {
            using var h = Body.forward(input);
            using var a = Heads[0].forward(h);
            return a.sum(1) * 2;
        }
    }

    [Test]
    public void NamedParameters_Tree_DottedNamesInRegistrationOrder()
    {
        using var net = new Net();
        Assert.That(net.named_parameters().Select(p => p.name), Is.EqualTo(new[]
        {
            "body.0.weight", "body.0.bias", "body.1.weight", "body.1.bias",
            "heads.0.weight", "heads.0.bias", "heads.1.weight",
        }));
        Assert.That(net.named_buffers().Select(b => b.name), Is.EqualTo(new[] { "scale" }));
        Assert.That(net.state_dict().Keys, Has.Count.EqualTo(8));
        Assert.That(net.parameters().All(p => p.requires_grad), Is.True);
        Assert.That(net.named_modules().Select(m => m.name), Is.EqualTo(new[] { "", "body", "body.0", "body.1", "heads", "heads.0", "heads.1" }));
    }

    [Test]
    public void Linear_Init_WithinPyTorchBoundsAndShapes()
    {
        using var g = torch.Generator(0);
        using var linear = new nn.Linear(16, 8, generator: g);
        AssertShape(linear.weight, 8, 16);
        AssertShape(linear.bias!, 8);
        var w = Values(linear.weight);
        Assert.That(w.Max(), Is.LessThanOrEqualTo(0.25));
        Assert.That(w.Min(), Is.GreaterThanOrEqualTo(-0.25));
        AssertShape(linear.call(torch.ones([5, 16])), 5, 8);
    }

    [Test]
    public void TrainEval_Tree_PropagatesToDropout()
    {
        using var model = new nn.Sequential(new nn.Dropout(0.5));
        var x = torch.ones([1000]);
        model.eval();
        Assert.That(model[0].training, Is.False);
        AssertValues(model.call(x), Enumerable.Repeat(1.0, 1000).ToArray());
        model.train();
        Assert.That(Values(model.call(x)).Count(v => v == 0), Is.GreaterThan(300));
    }

    [Test]
    public void ToDtype_Module_ConvertsParametersInPlace()
    {
        using var linear = new nn.Linear(2, 2);
        var weight = linear.weight;
        linear.to(ScalarType.Float64);
        Assert.That(weight.dtype, Is.EqualTo(ScalarType.Float64));
        Assert.That(weight.requires_grad, Is.True);
        AssertShape(linear.call(torch.ones([1, 2], ScalarType.Float64)), 1, 2);
        linear.to(Device.CPU);
    }

    [Test]
    public void Conv2dEmbedding_Modules_ProduceExpectedShapes()
    {
        using var conv = new nn.Conv2d(3, 6, 3, padding: 1, groups: 3);
        AssertShape(conv.weight, 6, 1, 3, 3);
        AssertShape(conv.call(torch.ones([2, 3, 8, 8])), 2, 6, 8, 8);
        using var emb = new nn.Embedding(10, 4);
        AssertShape(emb.call(torch.tensor(new long[] { 1, 2, 3 })), 3, 4);
    }

    [Test]
    public void RegisterParameter_DuplicateName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Duplicate());
    }

    private sealed class Duplicate : nn.Module
    {
        public Duplicate()
        {
            register_parameter("w", torch.ones([1]));
            try
            {
                register_parameter("w", torch.ones([1]));
            }
            finally
            {
                Dispose();
            }
        }
    }

    [Test]
    public void Forward_InsideModuleTree_ComputesWithoutLeaks()
    {
        using var net = new Net();
        AssertShape(net.call(torch.ones([5, 3])), 5);
    }
}
