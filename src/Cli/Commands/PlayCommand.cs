using System.CommandLine;
using System.Net;
using RtfmGym.Env;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;
using RtfmGym.Play;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym play [SCENARIO]</c>: serves a page (src/Play) where a person walks the generated world with the
/// keyboard, with the ground truth at the same pose beside it (docs/play.md). Prints the URL; Ctrl-C or SIGTERM stops it.
/// </summary>
public static class PlayCommand
{
    /// <summary>The command and its options.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file or shipped name (see `rtfmgym scenarios`).", DefaultValueFactory = _ => ScenarioResolver.DefaultScenario };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Frame-model checkpoint directory. Default: the shipped models/small." };
        var frames = new Option<string>("--frames") { Description = "Frame source: model (the learned frame model, default), ground-truth, constant, or \"scenario\" for the scenario's own." };
        var port = new Option<int>("--port") { Description = "TCP port; 0 takes a free one.", DefaultValueFactory = _ => 0 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on. Anything but loopback asks for the access token printed at start.", DefaultValueFactory = _ => "127.0.0.1" };
        var maxSessions = new Option<int>("--max-sessions") { Description = "Browser tabs served at once, each with its own environment.", DefaultValueFactory = _ => 4 };
        var idle = new Option<double>("--idle-timeout") { Description = "Seconds without input after which a tab's session is closed.", DefaultValueFactory = _ => 600 };
        var records = new Option<string>("--records") { Description = "Folder for the page's recorded episodes.", DefaultValueFactory = _ => Path.Combine("runs", "play") };
        var cmd = new Command("play", "Walk the generated world in a browser, with the ground truth beside it (docs/play.md).")
        {
            scenario, checkpoint, frames, port, bind, maxSessions, idle, records,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            EnvironmentComponents components = ModelFrames.Components(pr.GetValue(checkpoint));
            Scenario s = ScenarioResolver.Load(pr.GetValue(scenario)!);
            // As in `run`: the learned model unless told otherwise; "scenario" keeps the file's own choice.
            string? source = pr.GetValue(frames);
            if (source != "scenario") s = s with { Frames = source ?? ModelFrames.SourceName };
            var options = new PlayServerOptions(s, ParseBind(pr.GetValue(bind)!), pr.GetValue(port), pr.GetValue(maxSessions),
                TimeSpan.FromSeconds(pr.GetValue(idle)), pr.GetValue(records)!,
                createEnvironment: sc => new RtfmEnvironment(sc, memory: new SpatialMemory(), components: components));
            // One environment made and dropped before listening: an unknown frame source or a missing checkpoint fails here, not in the page.
            options.CreateEnvironment(s).Dispose();
            StartImagesNote.WriteIfIgnored(s, components);
            return await Serve(options, ct);
        });
        return cmd;
    }

    /// <summary>An IP address, or "localhost" for 127.0.0.1.</summary>
    internal static IPAddress ParseBind(string text) =>
        text == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(text, out IPAddress? a) ? a
        : throw new ArgumentException($"--bind '{text}' is not an IP address; give one such as 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or ::1.");

    /// <summary>Serves until <paramref name="stop"/> (the command line's Ctrl-C or SIGTERM), then closes every session.</summary>
    private static async Task<int> Serve(PlayServerOptions options, CancellationToken stop)
    {
        PlayServer server = await PlayServer.StartAsync(options, CancellationToken.None);
        Console.Out.WriteLine($"rtfmgym play: {options.Scenario.Name}, frames from {options.Scenario.Frames}, at {server.Url}");
        if (options.Token is not null)
            Console.Out.WriteLine($"rtfmgym play: listening on {options.Bind}, reachable from other machines; the page asks for the token in that URL (use this machine's address in place of {options.Bind}).");
        Console.Out.WriteLine("rtfmgym play: open the URL in a browser; Ctrl-C stops the server.");
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: the way this command ends.
        }
        await server.DisposeAsync();
        Console.Out.WriteLine("rtfmgym play: stopped.");
        return 0;
    }
}
