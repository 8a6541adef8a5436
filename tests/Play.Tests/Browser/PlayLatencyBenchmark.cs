using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace RtfmGym.Play.Tests.Browser;

/// <summary>
/// Key to frame on screen with the shipped model: the real <c>rtfmgym play</c> (default scenario, models/small,
/// 64x64) in headless Chromium, timed in the page (performance.now at keydown to the animation frame after the
/// picture is drawn), with frames as raw RGBA and as PNG in one run. A benchmark, not a test: it asserts no
/// duration and runs only when asked (<c>dotnet test --filter Name~PlayLatency</c>); the figures go to
/// BENCHMARKS.md. With RTFMGYM_PLAY_SCREENSHOT=FILE it also saves a screenshot of the page; with
/// RTFMGYM_PLAY_FRAMES=ground-truth it draws with the ray caster instead (under a millisecond a frame), which
/// leaves the transport and the page's drawing as most of what is timed.
/// </summary>
[TestFixture]
[Explicit("A benchmark of the shipped model; run it by name.")]
public sealed class PlayLatencyBenchmark
{
    private const int Warmup = 5, Steps = 60;

    [Test]
    public async Task PlayLatency_ShippedModel_KeyToScreenP50PerFormat()
    {
        using Process server = StartPlay(out string url);
        try
        {
            var (playwright, browser) = await BrowserFixture.LaunchAsync();
            await using (browser)
            using (playwright)
            {
                IPage page = await BrowserFixture.OpenAsync(browser, url);
                foreach (string format in new[] { "rgba", "png", "rgba", "png" })
                {
                    await page.SelectOptionAsync("#format", format);
                    await page.WaitForFunctionAsync($"() => rtfmPlay.options && rtfmPlay.options.format === '{format}'");
                    await page.EvaluateAsync("() => document.activeElement.blur()");
                    double[] ms = await Walk(page);
                    double step = await Server(page, "step"), generation = await Server(page, "generation"), retrieval = await Server(page, "retrieval");
                    // What the page and the socket add: key to screen less the server's own work for that step.
                    double[] serverMs = await page.EvaluateAsync<double[]>($"() => rtfmPlay.serverTimes.slice({Warmup}).map(t => t.step + (t.truth || 0))");
                    double overhead = Percentile(ms.Zip(serverMs, (a, b) => a - b).ToArray(), 0.5);
                    TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{format}: key to screen p50 {Percentile(ms, 0.5):0.0} ms, p90 {Percentile(ms, 0.9):0.0} ms over {ms.Length} steps; " +
                        $"server step p50 {step:0.0} ms (generation {generation:0.0}, retrieval {retrieval:0.00}); transport and drawing p50 {overhead:0.0} ms"));
                }
                if (Environment.GetEnvironmentVariable("RTFMGYM_PLAY_SCREENSHOT") is { Length: > 0 } shot)
                {
                    await page.SelectOptionAsync("#format", "rgba");
                    await page.EvaluateAsync("() => document.activeElement.blur()");
                    // A short walk from the start: turn to face the room, then a few steps in.
                    await page.Keyboard.PressAsync("r");
                    await page.WaitForFunctionAsync("() => rtfmPlay.state.type === 'reset'");
                    foreach (string key in new[] { "a", "a", "w", "w", "d", "w", "w", "w" })
                    {
                        int before = await page.EvaluateAsync<int>("() => rtfmPlay.state.step");
                        await page.Keyboard.PressAsync(key);
                        await page.WaitForFunctionAsync($"() => rtfmPlay.state.step > {before}");
                    }
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
                    TestContext.Out.WriteLine($"screenshot: {shot}");
                }
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Steps one key at a time (forward, with a turn every few steps so the walk stays in the rooms), each once the last is on screen.</summary>
    private static async Task<double[]> Walk(IPage page)
    {
        await page.EvaluateAsync("() => { rtfmPlay.latencies = []; rtfmPlay.serverTimes = []; }");
        for (int i = 0; i < Warmup + Steps; i++)
        {
            int before = await page.EvaluateAsync<int>("() => rtfmPlay.latencies.length");
            bool over = await page.EvaluateAsync<bool>("() => rtfmPlay.state.terminated || rtfmPlay.state.truncated");
            if (over)
            {
                int frames = await page.EvaluateAsync<int>("() => rtfmPlay.frames");
                await page.Keyboard.PressAsync("r");
                await page.WaitForFunctionAsync($"() => rtfmPlay.frames > {frames}");
            }
            await page.Keyboard.PressAsync(i % 6 == 5 ? "a" : i % 4 == 3 && !over ? "d" : "w");
            await page.WaitForFunctionAsync($"() => rtfmPlay.latencies.length > {before}");
            await page.EvaluateAsync("() => rtfmPlay.serverTimes.push(rtfmPlay.state.latency_ms)");
        }
        double[] all = await page.EvaluateAsync<double[]>("() => rtfmPlay.latencies");
        return all[Warmup..];
    }

    private static async Task<double> Server(IPage page, string part) =>
        Percentile(await page.EvaluateAsync<double[]>($"() => rtfmPlay.serverTimes.slice({Warmup}).map(t => t.{part})"), 0.5);

    private static double Percentile(double[] values, double q)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }

    /// <summary>Starts the real <c>rtfmgym play</c> on a free port with the shipped model and returns once it prints its URL.</summary>
    private static Process StartPlay(out string url)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rtfmgym.dll"));
        psi.ArgumentList.Add("play");
        if (Environment.GetEnvironmentVariable("RTFMGYM_PLAY_FRAMES") is { Length: > 0 } frames)
        {
            psi.ArgumentList.Add("--frames");
            psi.ArgumentList.Add(frames);
        }
        psi.ArgumentList.Add("--records");
        psi.ArgumentList.Add(Path.Combine(Path.GetTempPath(), "rtfmgym-play-bench"));
        Process p = Process.Start(psi)!;
        string? line;
        while ((line = p.StandardOutput.ReadLine()) is not null && !line.Contains("http://", StringComparison.Ordinal)) { }
        if (line is null) Assert.Fail("rtfmgym play exited: " + p.StandardError.ReadToEnd());
        url = line![line!.IndexOf("http://", StringComparison.Ordinal)..].Trim();
        return p;
    }
}
