using NUnit.Framework;

namespace RtfmGym.Torch.Tests;

public class NativeHeapTests
{
    [TestCase("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1000")]
    [TestCase("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX:glibc.malloc.arena_max=1")]
    [TestCase("MALLOC_TRIM_THRESHOLD_", "1000")]
    [TestCase("MALLOC_MMAP_THRESHOLD_", "1000")]
    [TestCase("MALLOC_TOP_PAD_", "1000")]
    [TestCase("MALLOC_MMAP_MAX_", "0")]
    public void UserTuned_MallocSetByUser_LeavesItAlone(string name, string value)
    {
        Assert.That(NativeHeap.UserTuned(v => v == name ? value : null), Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("glibc.cpu.hwcaps=-AVX")]
    public void UserTuned_NoMallocSettings_Configures(string? tunables)
    {
        Assert.That(NativeHeap.UserTuned(v => v == "GLIBC_TUNABLES" ? tunables : null), Is.False);
    }

    [Test]
    public void Configure_OnGlibc_SetsThresholds()
    {
        Assume.That(File.Exists("/lib/x86_64-linux-gnu/libc.so.6") || File.Exists("/lib/aarch64-linux-gnu/libc.so.6"), "glibc not found");
        Assume.That(NativeHeap.UserTuned(Environment.GetEnvironmentVariable), Is.False, "malloc tuned by the environment");
        Assert.That(NativeHeap.Configure(), Is.True);
    }
}
