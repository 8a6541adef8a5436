using System.CommandLine;
using System.Globalization;
using System.Numerics;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Imaging;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym render SCENARIO [--pose x,z,yaw]</c>: draws one frame (and optionally its depth) from a pose of the scenario's world.</summary>
public static class RenderCommand
{
    /// <summary>The <c>render</c> command with its arguments and options.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file or shipped name." };
        var pose = new Option<string>("--pose") { Description = "Camera pose \"x,z,yaw_degrees\" (metres; yaw 0 looks along -z, + turns left) or \"x,y,z,yaw,pitch\". Default: the episode's start." };
        var output = new Option<string>("--out") { Description = "PNG to write.", DefaultValueFactory = _ => "frame.png" };
        var depth = new Option<bool>("--depth") { Description = "Also write the depth image (near = bright) next to it as *-depth.png." };
        var size = new Option<int?>("--size") { Description = "Square image size in pixels (32..256) overriding the scenario's camera." };
        var frames = new Option<string>("--frames") { Description = "Frame source override." };
        var map = new Option<bool>("--map") { Description = "Also write a top-down map of the world (1 pixel = 4 cm, x to the right, z down) with the pose marked, as *-map.png." };
        var cmd = new Command("render", "Render one frame of a scenario's world from a pose and write it as PNG.") { scenario, pose, output, depth, size, frames, map };
        cmd.SetAction(pr => Run(pr.GetValue(scenario)!, pr.GetValue(pose), pr.GetValue(output)!, pr.GetValue(depth), pr.GetValue(size), pr.GetValue(frames), pr.GetValue(map)));
        return cmd;
    }

    internal static int Run(string scenarioName, string? poseText, string output, bool withDepth, int? size, string? frames, bool withMap = false)
    {
        Scenario s = ScenarioResolver.Load(scenarioName);
        if (size is { } px)
        {
            if (px is < 32 or > 256) throw new ArgumentException($"--size {px} is outside 32..256 pixels.");
            s = s with { Camera = s.Camera with { Width = px, Height = px } };
        }
        if (frames is not null) s = s with { Frames = frames };
        // One source serves the environment (for the start pose and world) and the frame, so the world is prepared once.
        using IFrameSource source = ModelFrames.Components(null).FrameSources.Create(s.Frames, s);
        using var env = new RtfmEnvironment(s, source);
        env.Reset(s.Seed);
        Pose pose = poseText is null ? env.Pose : ParsePose(poseText, s.Camera);
        if (!env.World.Navigation.IsFree(new Vector2(pose.Position.X, pose.Position.Z), 0.01f))
            Consoles.Err.MarkupLine($"[yellow]note:[/] the pose {Markup.Escape(pose.ToString())} is inside a wall or furniture; add --map to see the floor plan.");
        Frame f = source.DrawOne(new ViewRequest(new FrameRequest(pose, env.Camera, FrameChannels.Rgb | FrameChannels.Depth), new FrameEpisode(env.World, (ulong)env.EpisodeSeed))).Observed;
        PngWriter.Write(output, f.Width, f.Height, f.Rgb);
        Consoles.Out.MarkupLine($"wrote [bold]{Markup.Escape(output)}[/] ({f.Width}x{f.Height}, {Markup.Escape(pose.ToString())}, checksum {f.Checksum()})");
        if (withDepth && f.Depth is { } d)
        {
            string path = Path.ChangeExtension(output, null) + "-depth.png";
            PngWriter.Write(path, f.Width, f.Height, DepthImage(d));
            Consoles.Out.MarkupLine($"wrote [bold]{Markup.Escape(path)}[/]");
        }
        if (withMap)
        {
            string path = Path.ChangeExtension(output, null) + "-map.png";
            Env.Rendering.WorldMap m = Env.Rendering.WorldMapRenderer.Render(env.World, pixelsPerMetre: 25f);
            m.DrawAgent(pose, Env.Rendering.MapColor.Agent);
            PngWriter.Write(path, m.Width, m.Height, m.Rgb);
            Consoles.Out.MarkupLine($"wrote [bold]{Markup.Escape(path)}[/] (world {env.World.SizeX:0.##} x {env.World.SizeZ:0.##} m)");
        }
        return 0;
    }

    /// <summary>Depth as grey bytes (RGB): near is bright, 8 m or more (and no hit) is black.</summary>
    public static byte[] DepthImage(float[] depth)
    {
        var rgb = new byte[depth.Length * 3];
        for (int i = 0; i < depth.Length; i++)
        {
            float v = float.IsFinite(depth[i]) ? Math.Clamp(1f - depth[i] / 8f, 0f, 1f) : 0f;
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = (byte)(v * 255);
        }
        return rgb;
    }

    /// <summary>Parses "x,z,yaw_degrees" (ground camera at the mount height) or "x,y,z,yaw_degrees,pitch_degrees".</summary>
    public static Pose ParsePose(string text, CameraSettings camera)
    {
        float[] v;
        try
        {
            v = text.Split(',', StringSplitOptions.TrimEntries).Select(x => float.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (FormatException)
        {
            throw new ArgumentException($"--pose '{text}' is not numbers separated by commas.");
        }
        if (Array.FindIndex(v, x => !float.IsFinite(x)) is var bad and >= 0)
            throw new ArgumentException($"--pose '{text}': number {bad + 1} is not finite; give metres and degrees as ordinary numbers, e.g. --pose 2.5,3,90.");
        const float Deg = MathF.PI / 180f;
        return v.Length switch
        {
            3 => new FloorPose(new Vector2(v[0], v[1]), v[2] * Deg).ToCamera(camera),
            5 => Pose.FromYawPitchRoll(v[0], v[1], v[2], v[3] * Deg, v[4] * Deg),
            _ => throw new ArgumentException($"--pose needs \"x,z,yaw_degrees\" or \"x,y,z,yaw_degrees,pitch_degrees\", got {v.Length} numbers."),
        };
    }
}
