using System.CommandLine;
using System.Globalization;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Memory;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym replay RECORD</c>: re-runs a recorded episode and fails (exit 3) at the first step whose frame, reward, flags or pose differ.</summary>
public static class ReplayCommand
{
    /// <summary>The <c>replay</c> command with its arguments and options.</summary>
    public static Command Create()
    {
        var record = new Argument<string>("record") { Description = "An episode record (episode.json from `rtfmgym run`) or a scenario file with a record: section." };
        var frames = new Option<string>("--frames") { Description = "Replay with another frame source (a mismatch is then expected unless it is deterministic and identical)." };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Frame-model checkpoint the episode was recorded with (frames: model). Default: the shipped models/small." };
        var memoryIn = new Option<string>("--memory-in") { Description = "The memory file the episode started from (`run --memory-in`), when it is no longer where the record says; its SHA-256 must match the record's." };
        var cmd = new Command("replay", "Replay a recorded episode and check every frame checksum, reward, pose, the episode's end and its summary; exit code 3 names the first step that differs.")
        {
            record, frames, checkpoint, memoryIn,
        };
        cmd.SetAction(pr => Run(pr.GetValue(record)!, pr.GetValue(frames), pr.GetValue(memoryIn), ModelFrames.Components(pr.GetValue(checkpoint))));
        return cmd;
    }

    internal static int Run(string path, string? frames, string? memoryIn = null, EnvironmentComponents? components = null)
    {
        components ??= ModelFrames.Components(null);
        ReplayReport report;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            EpisodeRecord record = EpisodeRecord.Load(path);
            if (frames is not null) record = record with { FrameSource = frames };
            else CheckFrameSource(record, path, components.FrameSources);
            report = EpisodeReplayer.Replay(record, memoryIn: PreloadedMemory(record, path, memoryIn), components: components);
        }
        else
        {
            var scenario = ScenarioResolver.Load(path);
            if (frames is not null) scenario = scenario with { Frames = frames };
            report = EpisodeReplayer.ReplayScenario(scenario, components: components);
        }
        Consoles.Out.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]replay matches[/]: {report.Steps} steps, return {report.Return:0.0000}, frames from {Markup.Escape(report.FrameSource)}"));
        return 0;
    }

    /// <summary>Refuses to replay with a frame source that draws from something else than the recorded one (another model checkpoint).</summary>
    private static void CheckFrameSource(EpisodeRecord record, string path, FrameSourceRegistry sources)
    {
        if (record.FrameSourceDigest is not { } recorded) return;
        string? current = sources.Digest(record.FrameSource);
        if (current != recorded)
            throw new RtfmGymException(
                $"Episode record '{path}' was made with frame source '{record.FrameSource}' at digest {recorded}, but that source now has digest {current ?? "(none)"}; " +
                "replay with the checkpoint it was recorded with (--checkpoint DIR), or pass --frames to replay with another source on purpose.");
    }

    /// <summary>The memory the recorded episode started from: --memory-in, else the recorded path; its bytes must be the recorded ones.</summary>
    private static SpatialMemory? PreloadedMemory(EpisodeRecord record, string path, string? memoryIn)
    {
        if (record.MemoryIn is not { } recorded)
        {
            if (memoryIn is not null) throw new RtfmGymException($"Episode record '{path}' started from an empty memory; replay it without --memory-in.");
            return null;
        }
        string file = memoryIn ?? recorded.Path;
        if (memoryIn is null && !File.Exists(file))
            throw new RtfmGymException($"Episode record '{path}' started from the memory file '{recorded.Path}', which is gone; pass --memory-in with a copy of it.");
        var (memory, sha256) = SpatialMemoryFile.LoadWithDigest(file);
        if (sha256 != recorded.Sha256)
            throw new RtfmGymException($"Memory file '{file}' has SHA-256 {sha256[..16]}..., but the episode in '{path}' started from one with {recorded.Sha256[..16]}...; pass --memory-in with the file it was run with.");
        return memory;
    }
}
