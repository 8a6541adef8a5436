namespace RtfmGym.Bridge.Tests.Support;

/// <summary>Finds files of the repository from the test binaries' folder.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: $RTFMGYM_HOME, else the nearest parent holding RtfmGym.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        string? home = Environment.GetEnvironmentVariable("RTFMGYM_HOME");
        if (!string.IsNullOrEmpty(home) && File.Exists(Path.Combine(home, "RtfmGym.sln"))) return home;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RtfmGym.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("RtfmGym.sln not found above " + AppContext.BaseDirectory);
    }
}
