using System.Diagnostics;

namespace RtfmGym.Cli.Tests.Commands;

/// <summary><c>rtfmgym play</c>: bad input is refused before it listens; a good start prints the URL and stops on SIGINT.</summary>
public sealed class PlayCommandTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"rtfm-play-{Guid.NewGuid():N}"));

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [TestCase(new[] { "no-such-scenario" }, "No scenario file or shipped scenario named 'no-such-scenario'")]
    [TestCase(new[] { "--checkpoint", "no-such-dir" }, "No frame-model checkpoint at 'no-such-dir'")]
    [TestCase(new[] { "--frames", "nonsense" }, "Unknown frame source 'nonsense'")]
    [TestCase(new[] { "--frames", "constant", "--bind", "my-laptop" }, "--bind 'my-laptop' is not an IP address")]
    [TestCase(new[] { "--frames", "constant", "--port", "70000" }, "--port must be 0 (a free port) to 65535")]
    [TestCase(new[] { "--frames", "constant", "--max-sessions", "0" }, "--max-sessions must be at least 1")]
    [TestCase(new[] { "--frames", "constant", "--idle-timeout", "0" }, "idle timeout must be positive")]
    public void Play_BadInput_Exit2WithMessage(string[] args, string message)
    {
        var r = CliRunner.Run(_dir, ["play", .. args]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Err);
        Assert.That(r.Err, Does.StartWith("rtfmgym: error: ").And.Contain(message));
    }

    [Test]
    public async Task Play_GroundTruth_PrintsUrlServesThePageAndStopsOnSigint()
    {
        // A process started in the background (nohup, `cmd &`) inherits SIGINT ignored, and so does the server it starts:
        // Ctrl-C cannot reach it there, which is the shell's rule, not a fault of the server.
        Assume.That(SigintIgnored(), Is.False, "SIGINT is ignored in this process (started in the background), so its children ignore it too");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "rtfmgym.dll"), "play", "--frames", "ground-truth" }) psi.ArgumentList.Add(a);
        psi.Environment["RTFMGYM_HOME"] = CliRunner.RepoRoot;
        using Process p = Process.Start(psi)!;
        try
        {
            string? line;
            while ((line = p.StandardOutput.ReadLine()) is not null && !line.Contains("http://127.0.0.1:", StringComparison.Ordinal)) { }
            if (line is null) Assert.Fail("rtfmgym play exited without a URL: " + p.StandardError.ReadToEnd());
            string url = line![line!.IndexOf("http://", StringComparison.Ordinal)..].Trim();
            using var http = new HttpClient();
            Assert.That(await http.GetStringAsync(url), Does.Contain("rtfmgym play"));
            using (Process kill = Process.Start("kill", ["-INT", p.Id.ToString()])) kill.WaitForExit();
            Assert.That(p.WaitForExit(TimeSpan.FromMinutes(1)), Is.True, "it stops on SIGINT");
            Assert.Multiple(() =>
            {
                Assert.That(p.ExitCode, Is.EqualTo(0));
                Assert.That(p.StandardOutput.ReadToEnd(), Does.Contain("stopped"));
            });
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Whether this process ignores SIGINT (bit 2 of the SigIgn mask in /proc/self/status), as children of a background job do.</summary>
    private static bool SigintIgnored()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;
    }
}
