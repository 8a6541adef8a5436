using System.CommandLine;
using System.Globalization;
using RtfmGym.Cli.Output;
using RtfmGym.Env.Episodes;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym replay RECORD</c>: re-runs a recorded episode and fails (exit 3) at the first step whose frame, reward, flags or pose differ.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var record = new Argument<string>("record") { Description = "An episode record (episode.json from `rtfmgym run`) or a scenario file with a record: section." };
        var frames = new Option<string>("--frames") { Description = "Replay with another frame source (a mismatch is then expected unless it is deterministic and identical)." };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Frame-model checkpoint the episode was recorded with (frames: model). Default: the shipped models/small." };
        var cmd = new Command("replay", "Replay a recorded episode and check every frame checksum, reward and pose; exit code 3 names the first step that differs.") { record, frames, checkpoint };
        cmd.SetAction(pr =>
        {
            if (pr.GetValue(checkpoint) is { } dir) ModelFrames.Use(dir);
            return Run(pr.GetValue(record)!, pr.GetValue(frames));
        });
        return cmd;
    }

    internal static int Run(string path, string? frames)
    {
        ReplayReport report;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            EpisodeRecord record = EpisodeRecord.Load(path);
            if (frames is not null) record = record with { FrameSource = frames };
            report = EpisodeReplayer.Replay(record);
        }
        else
        {
            var scenario = ScenarioResolver.Load(path);
            if (frames is not null) scenario = scenario with { Frames = frames };
            report = EpisodeReplayer.ReplayScenario(scenario);
        }
        Consoles.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]replay matches[/]: {report.Steps} steps, return {report.Return:0.0000}, frames from {Markup.Escape(report.FrameSource)}"));
        return 0;
    }
}
