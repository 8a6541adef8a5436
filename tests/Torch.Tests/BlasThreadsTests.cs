using NUnit.Framework;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Torch.Tests;

public class BlasThreadsTests : TorchTestBase
{
    [Test]
    public void SetNumThreads_WithOpenBlas_CapsOpenBlasToo()
    {
        Assume.That(blas_num_threads(), Is.Not.Null, "libtorch's BLAS here is not OpenBLAS");
        int before = get_num_threads();
        try
        {
            set_num_threads(1);
            Assert.That(blas_num_threads(), Is.EqualTo(1));
            set_num_threads(2);
            Assert.That(blas_num_threads(), Is.EqualTo(Math.Min(2, Environment.ProcessorCount)).Or.EqualTo(2));
            set_num_threads(1);
            Assert.That(blas_num_threads(), Is.EqualTo(1), "lowered again");
        }
        finally
        {
            set_num_threads(before);
        }
    }
}
