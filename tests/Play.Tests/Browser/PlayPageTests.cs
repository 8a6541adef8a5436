using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace RtfmGym.Play.Tests.Browser;

/// <summary>The play page in a real browser (headless Chromium) against an in-process server with ground-truth frames.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PlayPageTests
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private PlayServer _server = null!;
    private string _records = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_playwright, _browser) = await BrowserFixture.LaunchAsync();
        _records = Path.Combine(Path.GetTempPath(), "rtfmgym-play-tests-" + Guid.NewGuid().ToString("N"));
        _server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small(), maxSessions: 8, recordDirectory: _records));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_records is not null && Directory.Exists(_records)) Directory.Delete(_records, recursive: true);
    }

    [Test]
    public async Task Page_PressW10Times_PoseAdvancesAndFrameChanges()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        float[] before = await Pose(page);
        string frameBefore = await Pixels(page, "view");
        for (int i = 0; i < 10; i++) await page.Keyboard.PressAsync("w");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 10");
        float[] after = await Pose(page);
        Assert.Multiple(async () =>
        {
            Assert.That(Math.Abs(after[0] - before[0]) + Math.Abs(after[2] - before[2]), Is.GreaterThan(0.1f), "the agent moved on the floor");
            Assert.That(await Pixels(page, "view"), Is.Not.EqualTo(frameBefore), "the view changed");
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.latencies.length"), Is.EqualTo(10), "every step came back and was timed");
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.path.length"), Is.EqualTo(11), "the map's path has every pose");
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.memory.size"), Is.GreaterThan(0), "the memory fills as the agent walks");
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.memory.retrieved.length"), Is.GreaterThan(0), "entries are retrieved for the frame");
        });
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_TruthToggle_HidesTruthAndFramesStopCarryingIt()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        Assert.That(await page.EvaluateAsync<bool>("() => 'psnr' in rtfmPlay.state && rtfmPlay.state.images.some(i => i.name === 'truth')"), Is.True, "the truth is on at first");
        await page.ClickAsync("#truthToggle");
        await page.WaitForFunctionAsync("() => rtfmPlay.options && rtfmPlay.options.truth === false");
        await page.Keyboard.PressAsync("d");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 1");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<bool>("() => rtfmPlay.state.images.some(i => i.name === 'truth')"), Is.False);
            Assert.That(await page.IsVisibleAsync("#truth"), Is.False);
        });
        await page.ClickAsync("#truthToggle");
        await page.Keyboard.PressAsync("a");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 2");
        Assert.That(await page.EvaluateAsync<bool>("() => rtfmPlay.state.images.some(i => i.name === 'truth')"), Is.True);
        // The source here is the ground truth itself, so the frame is identical to it.
        Assert.That(await page.TextContentAsync("#psnr"), Is.EqualTo("identical"));
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_ResetWithSeed_StartsOverAtStepZero()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        await page.Keyboard.PressAsync("w");
        await page.Keyboard.PressAsync("a");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 2");
        await page.FillAsync("#seed", "11");
        await page.ClickAsync("#resetBtn");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.type === 'reset'");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.step"), Is.EqualTo(0));
            Assert.That(await page.EvaluateAsync<long>("() => rtfmPlay.state.episode_seed"), Is.EqualTo(11));
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.path.length"), Is.EqualTo(1));
        });
        int frames = await page.EvaluateAsync<int>("() => rtfmPlay.frames");
        await page.Keyboard.PressAsync("r");
        await page.WaitForFunctionAsync($"() => rtfmPlay.frames === {frames + 1}");
        Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.step"), Is.EqualTo(0), "R resets too");
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_RecordAfterWalk_SavesARecordThatRtfmgymReplayChecks()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        foreach (string key in new[] { "w", "w", "a", "w", "d", "e" }) await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 6");
        await page.ClickAsync("#recordBtn");
        await page.WaitForFunctionAsync("() => rtfmPlay.recorded !== null");
        string path = await page.EvaluateAsync<string>("() => rtfmPlay.recorded.path");
        Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.recorded.steps"), Is.EqualTo(6));
        await page.CloseAsync();

        var (code, output) = RunRtfmgym("replay", path);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("replay matches").And.Contain("6 steps"));
    }

    [Test]
    public async Task Page_ContinuousScenarioKeyHeld_StepsUntilReleased()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small(action: "continuous"), recordDirectory: _records));
        IPage page = await BrowserFixture.OpenAsync(_browser, server.Url);
        float[] before = await Pose(page);
        await page.Keyboard.DownAsync("w");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step >= 3");
        await page.Keyboard.UpAsync("w");
        float[] after = await Pose(page);
        int steps = await page.EvaluateAsync<int>("() => rtfmPlay.state.step");
        // One more step may be on its way when the key comes up; after it, nothing more is sent.
        await page.Keyboard.PressAsync("r");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.type === 'reset'");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("() => rtfmPlay.hello.action_kind"), Is.EqualTo("continuous"));
            Assert.That(Math.Abs(after[0] - before[0]) + Math.Abs(after[2] - before[2]), Is.GreaterThan(0.05f), "one held key drove several steps");
            Assert.That(steps, Is.GreaterThanOrEqualTo(3));
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.step"), Is.EqualTo(0));
        });
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_FreeFlightDragOnTheView_TurnsTheCamera()
    {
        await using PlayServer server = await PlayServer.StartAsync(new PlayServerOptions(TestScenarios.Small(action: "free6dof"), recordDirectory: _records));
        IPage page = await BrowserFixture.OpenAsync(_browser, server.Url);
        string before = await page.EvaluateAsync<string>("() => JSON.stringify(rtfmPlay.state.heading)");
        await page.Mouse.MoveAsync(300, 300);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(340, 320, new MouseMoveOptions { Steps = 4 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step >= 1");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("() => rtfmPlay.hello.action_kind"), Is.EqualTo("free6dof"));
            Assert.That(await page.EvaluateAsync<string>("() => JSON.stringify(rtfmPlay.state.heading)"), Is.Not.EqualTo(before), "dragging turned the camera");
        });
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_MalformedMessage_ShowsErrorAndKeepsServing()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        await page.EvaluateAsync("() => rtfmPlay.sendRaw('{\"type\":\"step\",\"action\":\"north\"}')");
        await page.WaitForFunctionAsync("() => rtfmPlay.errors.length === 1");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("() => rtfmPlay.errors[0].code"), Is.EqualTo("bad_message"));
            Assert.That(await page.TextContentAsync("#message"), Does.Contain("\"action\" is \"north\""));
        });
        await page.EvaluateAsync("() => rtfmPlay.sendRaw('{\"type\":\"step\",\"action\":9}')");
        await page.WaitForFunctionAsync("() => rtfmPlay.errors.length === 2");
        Assert.That(await page.EvaluateAsync<string>("() => rtfmPlay.errors[1].code"), Is.EqualTo("bad_action"));
        await page.Keyboard.PressAsync("w");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 1");
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_StartFromUploadedImage_ResetsFromItFittedToTheCamera()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        await page.Keyboard.PressAsync("w");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 1");
        await page.SetInputFilesAsync("#imageFile", new FilePayload { Name = "room.png", MimeType = "image/png", Buffer = PlaySessionTests.Picture(48, 40) });
        await page.ClickAsync("#imageBtn");
        await page.WaitForFunctionAsync("() => rtfmPlay.startImage !== undefined");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.step"), Is.EqualTo(0), "the session reset from the picture");
            Assert.That(await page.EvaluateAsync<string>("() => rtfmPlay.startImage.name"), Is.EqualTo("room.png"));
            Assert.That(await page.EvaluateAsync<bool>("() => rtfmPlay.startImage.resized"), Is.True, "48x40 is fitted to the camera's 32x32");
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.state.memory.size"), Is.GreaterThan(0));
            // These frames are the ground truth, which never reads the memory: the page says so.
            Assert.That(await page.TextContentAsync("#message"), Does.Contain("never reads the memory"));
            Assert.That(await page.EvaluateAsync<int>("() => rtfmPlay.errors.length"), Is.EqualTo(0));
        });
        await page.Keyboard.PressAsync("w");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 1");
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_BadUpload_ShowsAClearMessageAndKeepsServing()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        await page.SetInputFilesAsync("#imageFile", new FilePayload { Name = "notes.png", MimeType = "image/png", Buffer = "these are not pixels"u8.ToArray() });
        await page.ClickAsync("#imageBtn");
        await page.WaitForFunctionAsync("() => rtfmPlay.errors.length === 1");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("() => rtfmPlay.errors[0].code"), Is.EqualTo("bad_image"));
            Assert.That(await page.TextContentAsync("#message"), Does.Contain("'notes.png' cannot be used: not a PNG image").And.Contain("Upload a PNG image"));
        });
        await page.Keyboard.PressAsync("w");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 1");
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_SmoothToggle_SwitchesTheUpscaling()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        Assert.That(await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('view')).imageRendering"), Is.EqualTo("pixelated"));
        await page.ClickAsync("#smoothToggle");
        Assert.That(await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('view')).imageRendering"), Is.EqualTo("auto"));
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_PngFormat_FramesStillShow()
    {
        IPage page = await BrowserFixture.OpenAsync(_browser, _server.Url);
        await page.SelectOptionAsync("#format", "png");
        await page.WaitForFunctionAsync("() => rtfmPlay.options && rtfmPlay.options.format === 'png'");
        string before = await Pixels(page, "view");
        await page.Keyboard.PressAsync("a");
        await page.WaitForFunctionAsync("() => rtfmPlay.state.step === 1");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string>("() => rtfmPlay.state.images[0].format"), Is.EqualTo("png"));
            Assert.That(await Pixels(page, "view"), Is.Not.EqualTo(before));
        });
        await page.CloseAsync();
    }

    private static async Task<float[]> Pose(IPage page) =>
        JsonSerializer.Deserialize<float[]>(await page.EvaluateAsync<string>("() => JSON.stringify(rtfmPlay.state.pose)"))!;

    private static Task<string> Pixels(IPage page, string canvas) =>
        page.EvaluateAsync<string>($"() => {{ const c = document.getElementById('{canvas}'); return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join(','); }}");

    /// <summary>Runs the real <c>rtfmgym</c> (built next to the tests) and returns its exit code and output.</summary>
    internal static (int Code, string Output) RunRtfmgym(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rtfmgym.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["COLUMNS"] = "200";
        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.Result);
    }
}
