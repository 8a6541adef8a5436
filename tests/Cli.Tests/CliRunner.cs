using System.Diagnostics;

namespace RtfmGym.Cli.Tests;

/// <summary>Runs the real <c>rtfmgym</c> program (the build output next to the tests) as a child process.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static string RepoRoot
    {
        get
        {
            for (string? d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
                if (File.Exists(Path.Combine(d, "RtfmGym.sln"))) return d;
            throw new InvalidOperationException("repository root not found");
        }
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Run(string, string[])"/>, with <paramref name="environment"/> added to the child's environment.</summary>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rtfmgym.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["RTFMGYM_HOME"] = RepoRoot;
        psi.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"rtfmgym {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new Result(p.ExitCode, output, err.Result);
    }
}
