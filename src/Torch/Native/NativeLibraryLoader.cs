using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

/// <summary>
/// Finds librtfmtorch.so without LD_LIBRARY_PATH among: next to the assembly (the build copies it
/// there), <c>native/build</c> of any parent folder (running from a checkout) and
/// <c>$RTFMGYM_HOME/native/build</c>, taking the newest. <c>RTFMGYM_TORCH_NATIVE</c> overrides the search with a file path.
/// Once loaded, sets libtorch's thread count (see <see cref="torch.DefaultThreadCount"/>) and how much freed memory the
/// heap keeps (<see cref="NativeHeap"/>).
/// </summary>
internal static class NativeLibraryLoader
{
    internal const string FileName = "librtfmtorch.so";

    [ModuleInitializer]
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static readonly object Gate = new();
    private static IntPtr _handle;

    // The runtime calls the resolver for every P/Invoke it binds, not once per library: load and set the
    // thread count only the first time, or binding a function first used later resets a count set since.
    internal static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.Lib)
        {
            return IntPtr.Zero;
        }
        lock (Gate)
        {
            if (_handle == IntPtr.Zero)
            {
                var handle = Load(CandidatePaths());
                ConfigureThreads(handle);
                NativeHeap.Configure();
                _handle = handle;
            }
            return _handle;
        }
    }

    /// <summary>Loads the newest existing candidate; throws a <see cref="NativeLibraryMissingException"/> explaining how to build it otherwise.</summary>
    internal static IntPtr Load(IEnumerable<string> candidates)
    {
        var tried = candidates.ToList();
        var path = Choose(tried) ?? throw new NativeLibraryMissingException(
            $"{FileName} (the libtorch shim) was not found; looked in: {string.Join(", ", tried)}. " +
            "Run scripts/setup.sh (or native/build.sh) to build it.");
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            // Found but unloadable: usually libtorch itself is missing or a different build.
            throw new NativeLibraryMissingException(
                $"{path} exists but could not be loaded ({e.Message}). Run scripts/setup.sh (or native/build.sh) to install libtorch and rebuild the shim.");
        }
    }

    /// <summary>
    /// The most recently written existing file (the first on ties). A checkout's freshly rebuilt
    /// native/build copy thus wins over a stale copy left next to the assembly by an earlier build.
    /// </summary>
    internal static string? Choose(IEnumerable<string> candidates) =>
        candidates.Where(File.Exists)
            .Select((path, order) => (path, order, time: File.GetLastWriteTimeUtc(path)))
            .OrderByDescending(c => c.time)
            .ThenBy(c => c.order)
            .Select(c => c.path)
            .FirstOrDefault();

    internal static IEnumerable<string> CandidatePaths()
    {
        var overridePath = Environment.GetEnvironmentVariable("RTFMGYM_TORCH_NATIVE");
        if (!string.IsNullOrEmpty(overridePath))
        {
            yield return overridePath;
            yield break;
        }
        var assemblyDir = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir))
        {
            yield return Path.Combine(assemblyDir, FileName);
        }
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        for (var dir = new DirectoryInfo(assemblyDir ?? AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "native", "build", FileName);
        }
        var home = Environment.GetEnvironmentVariable("RTFMGYM_HOME");
        if (!string.IsNullOrEmpty(home))
        {
            yield return Path.Combine(home, "native", "build", FileName);
        }
    }

    private static unsafe void ConfigureThreads(IntPtr library)
    {
        var setThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(library, "rt_set_num_threads");
        setThreads(torch.DefaultThreadCount());
        BlasThreads.Set(torch.DefaultThreadCount());
    }
}
