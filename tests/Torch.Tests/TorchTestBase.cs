using NUnit.Framework;

namespace RtfmGym.Torch.Tests;

/// <summary>
/// Runs every test inside a DisposeScope so temporaries are freed, and checks the test left no
/// tensor alive that it did not own beforehand.
/// </summary>
public abstract class TorchTestBase
{
    private DisposeScope? _scope;
    private long _liveBefore;

    [SetUp]
    public void OpenScope()
    {
        _liveBefore = Tensor.LiveCount;
        _scope = torch.NewDisposeScope();
    }

    [TearDown]
    public void CloseScope()
    {
        _scope?.Dispose();
        _scope = null;
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            Assert.That(Tensor.LiveCount, Is.EqualTo(_liveBefore), "tensors leaked by the test");
        }
    }
}
