using NUnit.Framework;

namespace RtfmGym.Torch.Tests;

public class NativeLibraryLoaderTests
{
    [Test]
    public void Load_NoCandidateExists_ThrowsAskingToRunSetup()
    {
        var e = Assert.Throws<NativeLibraryMissingException>(() => NativeLibraryLoader.Load(["/nonexistent/librtfmtorch.so"]));
        Assert.That(e!.Message, Does.Contain("scripts/setup.sh").And.Contain("native/build.sh").And.Contain("/nonexistent/librtfmtorch.so"));
    }

    [Test]
    public void Choose_TwoExistingFiles_PicksNewestIgnoringMissing()
    {
        var dir = Directory.CreateTempSubdirectory("rtfm-loader-").FullName;
        try
        {
            var stale = Path.Combine(dir, "stale.so");
            var fresh = Path.Combine(dir, "fresh.so");
            File.WriteAllText(stale, "");
            File.WriteAllText(fresh, "");
            File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
            Assert.That(NativeLibraryLoader.Choose([Path.Combine(dir, "missing.so"), stale, fresh]), Is.EqualTo(fresh));
            Assert.That(NativeLibraryLoader.Choose([Path.Combine(dir, "missing.so")]), Is.Null);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void CandidatePaths_Default_StartNextToAssembly()
    {
        var first = NativeLibraryLoader.CandidatePaths().First();
        Assert.That(first, Does.EndWith("librtfmtorch.so"));
        Assert.That(File.Exists(first), Is.True, "the build copies the shim next to the assembly");
    }

    [Test]
    public void Resolve_CalledAgain_SameHandleAndThreadCountKept()
    {
        var previous = torch.get_num_threads();
        var first = NativeLibraryLoader.Resolve(NativeMethods.Lib, typeof(torch).Assembly, null);
        torch.set_num_threads(previous == 1 ? 2 : 1);
        var set = torch.get_num_threads();
        try
        {
            Assert.That(NativeLibraryLoader.Resolve(NativeMethods.Lib, typeof(torch).Assembly, null), Is.EqualTo(first));
            Assert.That(torch.get_num_threads(), Is.EqualTo(set), "binding another native function must not reset the thread count");
        }
        finally
        {
            torch.set_num_threads(previous);
        }
    }
}
