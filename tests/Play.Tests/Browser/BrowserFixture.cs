using Microsoft.Playwright;

namespace RtfmGym.Play.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/setup.sh --tests), headless, driven by Playwright.
/// Never a downloaded browser: Playwright is pointed at the system one.
/// </summary>
internal static class BrowserFixture
{
    /// <summary>The system browser the tests drive.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long a wait for a page condition may take before the test fails: generous, because CI runs the test
    /// projects side by side on 2 cores; a passing wait returns as soon as its condition holds.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Starts Playwright and the browser; the caller disposes both.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath)) Assert.Fail($"{ChromiumPath} is missing; run scripts/setup.sh --tests (./test.sh does), which installs Debian's chromium.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        IPlaywright playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in containers has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = (float)Patience.TotalMilliseconds,
        });
        return (playwright, browser);
    }

    /// <summary>Opens <paramref name="url"/> in a new page and waits for its first frame.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, string url)
    {
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.rtfmPlay && window.rtfmPlay.frames >= 1");
        return page;
    }
}
