using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.IO;
using RtfmGym.Env.Sensors;
using RtfmGym.Env.Worlds;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RtfmGym.Env.Scenarios;

/// <summary>
/// Loads YAML scenario files (format: docs/scenarios.md) and validates them completely at load
/// time: unknown fields, wrong types, values out of range, a start inside a wall or furniture
/// and an unreachable goal are all a <see cref="ScenarioException"/> naming file, line and field.
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] TopFields =
        ["name", "description", "seed", "max_steps", "frames", "world", "camera", "observations", "action", "agent", "task", "start", "start_images", "capture", "episodes", "record"];

    private static readonly Dictionary<string, ActionKind> ActionKinds = new()
    {
        ["discrete"] = ActionKind.Discrete, ["continuous"] = ActionKind.Continuous, ["free6dof"] = ActionKind.Free6Dof,
    };

    private static readonly Dictionary<string, TaskKind> TaskKinds = new()
    {
        ["pointnav"] = TaskKind.PointNav, ["explore"] = TaskKind.Explore, ["free"] = TaskKind.Free,
    };

    /// <summary>The observation keys a scenario file may ask for: the built-in sensors' (<see cref="SensorRegistry.BuiltIn"/>).</summary>
    public static readonly IReadOnlyList<string> ObservationKeys = SensorRegistry.BuiltIn.Names;

    /// <summary>The largest difference between a start image's field of view and the camera's that is taken as equal, degrees.</summary>
    public const double FovToleranceDegrees = 0.01;

    /// <summary>Loads and validates a scenario file (UTF-8, at most <see cref="ScenarioTextGuard.MaxBytes"/>).</summary>
    public static Scenario Load(string path)
    {
        if (!File.Exists(path)) throw new ScenarioException(path, 0, "(file)", "no such file; give a path to a .yaml scenario or a shipped scenario name (see `rtfmgym scenarios`).");
        return Parse(ScenarioTextGuard.ReadFile(path), path);
    }

    /// <summary>
    /// Parses and validates scenario text; <paramref name="source"/> names it in errors. The text
    /// passes <see cref="ScenarioTextGuard.Check"/> (size, depth, one document) before it is parsed.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file it came from (start image paths are relative to its folder), or a name for errors.</param>
    /// <param name="readImage">Reads a start image's bytes given its path as the scenario writes it (replay serves a record's
    /// embedded copies); null reads files relative to <paramref name="source"/>, which must then be a scenario file.</param>
    public static Scenario Parse(string text, string source = "<inline>", Func<string, byte[]>? readImage = null)
    {
        ScenarioTextGuard.Check(text, source);
        var r = new YamlFieldReader(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScenarioException(source, (int)e.Start.Line, "(syntax)", $"not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0) throw new ScenarioException(source, 1, "(file)", "the file is empty; a scenario needs at least a name.");
        YamlMappingNode root = r.Map(stream.Documents[0].RootNode, "", TopFields);
        YamlNode? N(string key) => YamlFieldReader.Get(root, key);

        var s = new Scenario
        {
            Name = N("name") is { } name ? r.Text(name, "name") : throw r.Error(root, "name", "missing; every scenario needs a name."),
            Source = source,
            Text = text,
        };
        if (N("description") is { } desc) s = s with { Description = r.Text(desc, "description") };
        if (N("seed") is { } seed) s = s with { Seed = r.Integer(seed, "seed", 0, long.MaxValue) };
        if (N("max_steps") is { } ms) s = s with { MaxSteps = (int)r.Integer(ms, "max_steps", 1, 1_000_000) };
        if (N("frames") is { } fr) s = s with { Frames = r.Text(fr, "frames") };
        if (N("world") is { } w)
        {
            (WorldOptions world, int pool) = ReadWorld(r, w);
            s = s with { World = world, WorldPool = pool };
        }
        if (N("camera") is { } cam) s = s with { Camera = ReadCamera(r, cam) };
        if (N("observations") is { } obs) s = s with { Observations = ReadObservations(r, obs) };
        if (N("action") is { } act) s = s with { Action = ReadAction(r, act) };
        if (N("agent") is { } agent)
        {
            var m = r.Map(agent, "agent", "radius");
            if (YamlFieldReader.Get(m, "radius") is { } rad) s = s with { AgentRadius = (float)r.Number(rad, "agent.radius", 0.05, 1.0) };
        }
        if (N("task") is { } task) s = s with { Task = ReadTask(r, task) };
        if (N("start") is { } start) s = s with { Start = ReadStart(r, start, "start") };
        if (N("start_images") is { } images) s = s with { StartImages = ReadStartImages(r, images, s, readImage ?? (file => ReadImageFile(source, file))) };
        if (N("capture") is { } capture) s = s with { Capture = ReadCapture(r, capture) };
        if (N("episodes") is { } eps) s = s with { Episodes = ReadEpisodes(r, eps) };
        if (N("record") is { } rec) s = ReadRecord(r, rec, s);

        Validate(r, root, s);
        return s;
    }

    /// <summary>The world's options, and <c>world.pool</c>: how many worlds (seeds <c>world.seed</c> onwards) episodes draw from, 1 when absent.</summary>
    private static (WorldOptions World, int Pool) ReadWorld(YamlFieldReader r, YamlNode node)
    {
        var m = r.Map(node, "world", "generator", "seed", "pool", "rooms", "min_room_size", "max_room_size", "ceiling_height", "max_props_per_room", "corridor_width");
        var o = new WorldOptions();
        int pool = 1;
        foreach (var (k, v) in m.Children)
        {
            string key = ((YamlScalarNode)k).Value!, f = "world." + key;
            if (key == "pool")
            {
                pool = (int)r.Integer(v, f, 1, 1_000_000);
                continue;
            }
            o = key switch
            {
                "generator" => r.Text(v, f) == "rooms" ? o : throw r.Error(v, f, "the only generator is 'rooms'."),
                "seed" => o with { Seed = (ulong)r.Integer(v, f, 0, long.MaxValue) },
                "rooms" => o with { Rooms = (int)r.Integer(v, f, 1, 12) },
                "min_room_size" => o with { MinRoomSize = (float)r.Number(v, f, 2, 12) },
                "max_room_size" => o with { MaxRoomSize = (float)r.Number(v, f, 2, 12) },
                "ceiling_height" => o with { CeilingHeight = (float)r.Number(v, f, 2, 5) },
                "max_props_per_room" => o with { MaxPropsPerRoom = (int)r.Integer(v, f, 0, 8) },
                _ => o with { CorridorWidth = (float)r.Number(v, f, 0.75, 3) },
            };
        }
        try
        {
            return (o.Validate(), pool);
        }
        catch (ArgumentException e)
        {
            throw r.Error(node, "world", e.Message);
        }
    }

    private static CameraSettings ReadCamera(YamlFieldReader r, YamlNode node)
    {
        var m = r.Map(node, "camera", "width", "height", "fov_degrees", "mount_height", "pitch_degrees");
        var c = new CameraSettings();
        foreach (var (k, v) in m.Children)
        {
            string key = ((YamlScalarNode)k).Value!, f = "camera." + key;
            c = key switch
            {
                "width" => c with { Width = (int)r.Integer(v, f, 32, 256) },
                "height" => c with { Height = (int)r.Integer(v, f, 32, 256) },
                "fov_degrees" => c with { VerticalFov = (float)(r.Number(v, f, 10, 150) * Math.PI / 180) },
                "mount_height" => c with { MountHeight = (float)r.Number(v, f, 0.1, 3) },
                _ => c with { Pitch = (float)(r.Number(v, f, -80, 80) * Math.PI / 180) },
            };
        }
        return c;
    }

    private static IReadOnlyList<string> ReadObservations(YamlFieldReader r, YamlNode node)
    {
        var seq = r.Sequence(node, "observations");
        var keys = new List<string>();
        for (int i = 0; i < seq.Children.Count; i++)
        {
            string key = r.Text(seq.Children[i], $"observations[{i}]");
            if (!ObservationKeys.Contains(key)) throw r.Error(seq.Children[i], $"observations[{i}]", $"'{key}' is not one of: {string.Join(", ", ObservationKeys)}.");
            if (keys.Contains(key)) throw r.Error(seq.Children[i], $"observations[{i}]", $"'{key}' is listed twice.");
            keys.Add(key);
        }
        if (!keys.Contains("rgb")) throw r.Error(node, "observations", "must include 'rgb'.");
        return keys;
    }

    private static ActionSettings ReadAction(YamlFieldReader r, YamlNode node)
    {
        var m = r.Map(node, "action", "kind", "forward_step", "turn_degrees", "dt", "max_speed", "max_turn_rate_degrees", "clip");
        var a = new ActionSettings();
        foreach (var (k, v) in m.Children)
        {
            string key = ((YamlScalarNode)k).Value!, f = "action." + key;
            a = key switch
            {
                "kind" => a with { Kind = r.Enum(v, f, ActionKinds) },
                "forward_step" => a with { ForwardStep = (float)r.Number(v, f, 0.01, 2) },
                "turn_degrees" => a with { TurnStep = (float)(r.Number(v, f, 1, 180) * Math.PI / 180) },
                "dt" => a with { Dt = (float)r.Number(v, f, 0.01, 2) },
                "max_speed" => a with { MaxSpeed = (float)r.Number(v, f, 0.05, 5) },
                "max_turn_rate_degrees" => a with { MaxTurnRate = (float)(r.Number(v, f, 1, 720) * Math.PI / 180) },
                _ => a with { ClipActions = r.Bool(v, f) },
            };
        }
        return a;
    }

    private static TaskSettings ReadTask(YamlFieldReader r, YamlNode node)
    {
        var m = r.Map(node, "task", "kind", "goal", "success_radius", "step_cost", "success_reward", "min_goal_distance", "max_goal_distance", "view_range", "area_reward");
        var t = new TaskSettings();
        foreach (var (k, v) in m.Children)
        {
            string key = ((YamlScalarNode)k).Value!, f = "task." + key;
            t = key switch
            {
                "kind" => t with { Kind = r.Enum(v, f, TaskKinds) },
                "goal" => t with { Goal = r.Point(v, f) },
                "success_radius" => t with { SuccessRadius = (float)r.Number(v, f, 0.05, 5) },
                "step_cost" => t with { StepCost = (float)r.Number(v, f, 0, 10) },
                "success_reward" => t with { SuccessReward = (float)r.Number(v, f, 0, 1000) },
                "min_goal_distance" => t with { MinGoalDistance = (float)r.Number(v, f, 0, 100) },
                "max_goal_distance" => t with { MaxGoalDistance = (float)r.Number(v, f, 0.1, 100) },
                "view_range" => t with { ViewRange = (float)r.Number(v, f, 0.5, 50) },
                _ => t with { AreaReward = (float)r.Number(v, f, 0, 100) },
            };
        }
        if (t.MaxGoalDistance < t.MinGoalDistance) throw r.Error(node, "task.max_goal_distance", $"{t.MaxGoalDistance} is below min_goal_distance {t.MinGoalDistance}.");
        return t;
    }

    private static FloorPose ReadStart(YamlFieldReader r, YamlNode node, string field)
    {
        var m = r.Map(node, field, "position", "yaw_degrees", "altitude");
        YamlNode pos = YamlFieldReader.Get(m, "position") ?? throw r.Error(node, field + ".position", "missing; give [x, z] in metres.");
        Vector2 p = r.Point(pos, field + ".position");
        float yaw = YamlFieldReader.Get(m, "yaw_degrees") is { } y ? (float)(r.Number(y, field + ".yaw_degrees", -360, 360) * Math.PI / 180) : 0f;
        float? alt = YamlFieldReader.Get(m, "altitude") is { } a ? (float)r.Number(a, field + ".altitude", 0.05, 5) : null;
        return new FloorPose(p, yaw, alt);
    }

    /// <summary>
    /// The <c>start_images</c> list: each entry a <c>file</c> (PNG of the camera's size), an optional <c>pose</c> (as <c>start</c>;
    /// default the episode's start) and an optional <c>fov_degrees</c> (the camera's, which it must equal). Needs the camera read first.
    /// </summary>
    private static IReadOnlyList<StartImage> ReadStartImages(YamlFieldReader r, YamlNode node, Scenario s, Func<string, byte[]> readImage)
    {
        var seq = r.Sequence(node, "start_images");
        if (seq.Children.Count == 0) throw r.Error(node, "start_images", "the list is empty; give at least one image, or leave the field out.");
        var list = new List<StartImage>();
        CameraSettings camera = s.Camera;
        for (int i = 0; i < seq.Children.Count; i++)
        {
            string f = $"start_images[{i}]";
            var m = r.Map(seq.Children[i], f, "file", "pose", "fov_degrees");
            YamlNode fileNode = YamlFieldReader.Get(m, "file") ?? throw r.Error(seq.Children[i], f + ".file", "missing; give the path of a PNG image, relative to the scenario file.");
            string file = r.Text(fileNode, f + ".file");
            FloorPose? pose = YamlFieldReader.Get(m, "pose") is { } p ? ReadStart(r, p, f + ".pose") : null;
            if (YamlFieldReader.Get(m, "fov_degrees") is { } fovNode)
            {
                double fov = r.Number(fovNode, f + ".fov_degrees", 10, 150), cameraFov = camera.VerticalFov * 180 / Math.PI;
                if (Math.Abs(fov - cameraFov) > FovToleranceDegrees)
                    throw r.Error(fovNode, f + ".fov_degrees", $"{fov:0.###} degrees differs from the camera's vertical field of view ({cameraFov:0.###}); the frame model reads remembered frames " +
                        "with the camera's intrinsics, so the image must be seen with them: crop the image to the camera's field of view, or set camera.fov_degrees.");
            }
            StartImage image;
            try
            {
                image = StartImage.FromPng(file, readImage(file), pose);
            }
            catch (Exception e) when (e is RtfmGymException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                string why = e.Message.TrimEnd('.');
                throw r.Error(fileNode, f + ".file", $"'{file}': {char.ToLowerInvariant(why[0])}{why[1..]}.");
            }
            if (image.Frame.Width != camera.Width || image.Frame.Height != camera.Height)
                throw r.Error(fileNode, f + ".file", $"'{file}' is {image.Frame.Width}x{image.Frame.Height} pixels, but the camera is {camera.Width}x{camera.Height}; " +
                    $"resize the image to {camera.Width}x{camera.Height} (the play page's \"start from image\" resizes uploads), or set camera.width and camera.height.");
            list.Add(image);
        }
        return list;
    }

    /// <summary>The <c>capture</c> map: <c>spacing</c> (metres, default 0.5) and <c>headings</c> (views per point, default 6).</summary>
    private static CaptureSettings ReadCapture(YamlFieldReader r, YamlNode node)
    {
        var m = r.Map(node, "capture", "spacing", "headings");
        var c = new CaptureSettings();
        if (YamlFieldReader.Get(m, "spacing") is { } sp) c = c with { Spacing = (float)r.Number(sp, "capture.spacing", CaptureSettings.MinSpacing, CaptureSettings.MaxSpacing) };
        if (YamlFieldReader.Get(m, "headings") is { } h) c = c with { Headings = (int)r.Integer(h, "capture.headings", 1, CaptureSettings.MaxHeadings) };
        return c;
    }

    /// <summary>Reads a start image named in the scenario file <paramref name="source"/>, relative to its folder.</summary>
    private static byte[] ReadImageFile(string source, string file)
    {
        if (!File.Exists(source))
            throw new RtfmGymException("a scenario given as text has no folder to find images in; load the scenario from its file, which the image paths are relative to.");
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, file);
        return BoundedFile.ReadAllBytes(path, StartImage.MaxFileBytes, "start image");
    }

    private static IReadOnlyList<ScenarioEpisode> ReadEpisodes(YamlFieldReader r, YamlNode node)
    {
        var seq = r.Sequence(node, "episodes");
        var list = new List<ScenarioEpisode>();
        for (int i = 0; i < seq.Children.Count; i++)
        {
            string f = $"episodes[{i}]";
            var m = r.Map(seq.Children[i], f, "seed", "world_seed", "start", "goal");
            long seed = YamlFieldReader.Get(m, "seed") is { } s ? r.Integer(s, f + ".seed", 0, long.MaxValue) : i;
            ulong? ws = YamlFieldReader.Get(m, "world_seed") is { } w ? (ulong)r.Integer(w, f + ".world_seed", 0, long.MaxValue) : null;
            FloorPose? start = YamlFieldReader.Get(m, "start") is { } st ? ReadStart(r, st, f + ".start") : null;
            Vector2? goal = YamlFieldReader.Get(m, "goal") is { } g ? r.Point(g, f + ".goal") : null;
            list.Add(new ScenarioEpisode(seed, ws, start, goal, (int)seq.Children[i].Start.Line));
        }
        return list;
    }

    private static Scenario ReadRecord(YamlFieldReader r, YamlNode node, Scenario s)
    {
        var m = r.Map(node, "record", "actions", "checksums");
        if (YamlFieldReader.Get(m, "actions") is { } acts)
        {
            var seq = r.Sequence(acts, "record.actions");
            var list = new List<object>();
            for (int i = 0; i < seq.Children.Count; i++)
            {
                YamlNode a = seq.Children[i];
                string f = $"record.actions[{i}]";
                list.Add(a is YamlSequenceNode inner
                    ? Spaces.NDArray.Vector(inner.Children.Select((c, j) => (float)r.Number(c, $"{f}[{j}]", -1e6, 1e6)).ToArray())
                    : r.Integer(a, f, long.MinValue, long.MaxValue));
            }
            s = s with { RecordedActions = list };
        }
        if (YamlFieldReader.Get(m, "checksums") is { } sums)
        {
            var seq = r.Sequence(sums, "record.checksums");
            s = s with { Checksums = seq.Children.Select((c, i) => r.Text(c, $"record.checksums[{i}]")).ToArray() };
        }
        return s;
    }

    /// <summary>Checks what needs the world: start poses free, goals reachable, recorded actions in the action space.</summary>
    private static void Validate(YamlFieldReader r, YamlMappingNode root, Scenario s)
    {
        YamlNode? Node(params string[] path)
        {
            YamlNode? n = root;
            foreach (string p in path) n = n is YamlMappingNode m ? YamlFieldReader.Get(m, p) : null;
            return n;
        }
        CheckEpisode(r, s, s.Start, s.Task.Goal, s.World, Node("start"), "start", Node("task", "goal"), "task.goal");
        YamlSequenceNode? eps = Node("episodes") as YamlSequenceNode;
        for (int i = 0; i < s.Episodes.Count; i++)
        {
            ScenarioEpisode e = s.Episodes[i];
            Scenario es = s.ForEpisode(e);
            var em = eps?.Children[i] as YamlMappingNode;
            YamlNode? startNode = em is null ? null : YamlFieldReader.Get(em, "start");
            YamlNode? goalNode = em is null ? null : YamlFieldReader.Get(em, "goal");
            CheckEpisode(r, es, es.Start, es.Task.Goal, es.World,
                startNode ?? Node("start") ?? em, startNode is null ? "start" : $"episodes[{i}].start",
                goalNode ?? Node("task", "goal") ?? em, goalNode is null ? "task.goal" : $"episodes[{i}].goal");
        }
        if (s.StartImages.Count > 0) CheckStartImagePoses(r, s, Node("start_images") as YamlSequenceNode);
        if (s.StartImages.Count > 0 && s.Capture is not null)
            throw r.Error(Node("capture"), "capture", "a scenario that starts from images draws every frame from them, with no ground truth, so it cannot also take a capture of the world; remove capture or start_images.");
        if (s.RecordedActions is { } actions)
        {
            var model = ActionModel.Create(s.Action);
            for (int i = 0; i < actions.Count; i++)
            {
                string? why = model.Space.Explain(actions[i]);
                if (why is not null) throw r.Error(Node("record", "actions"), $"record.actions[{i}]", $"{Spaces.Space.Format(actions[i])} is not in the action space {model.Space}: {why}.");
            }
        }
    }

    /// <summary>Each start image's camera must stand inside the scenario's world (a picture is taken from anywhere in it, walls included).</summary>
    private static void CheckStartImagePoses(YamlFieldReader r, Scenario s, YamlSequenceNode? list)
    {
        World world = WorldCache.Get(s.World);
        for (int i = 0; i < s.StartImages.Count; i++)
        {
            if (s.StartImages[i].Pose is not { } p || EpisodePlacement.ImagePoseProblem(world, p) is not { } problem) continue;
            YamlNode? node = list?.Children[i] is YamlMappingNode m ? YamlFieldReader.Get(m, "pose") : null;
            throw r.Error(node, $"start_images[{i}].pose", problem);
        }
    }

    private static void CheckEpisode(YamlFieldReader r, Scenario s, FloorPose? start, Vector2? goal, WorldOptions worldOptions,
        YamlNode? startNode, string startField, YamlNode? goalNode, string goalField)
    {
        if (start is null && goal is null) return;
        if (s.WorldPool > 1)
            throw r.Error(start is null ? goalNode : startNode, start is null ? goalField : startField,
                $"a fixed start or goal fits one world, and world.pool draws each episode's world from {s.WorldPool}; drop it (it is drawn from the episode seed) or drop world.pool.");
        World world = WorldCache.Get(worldOptions);
        if (start is { } st && EpisodePlacement.StartProblem(world, st, s.AgentRadius) is { } startProblem)
            throw r.Error(startNode, startField, startProblem);
        if (goal is { } g && s.Task.Kind == TaskKind.PointNav && EpisodePlacement.GoalProblem(world, g, start, s.AgentRadius) is { } goalProblem)
            throw r.Error(goalNode, goalField, goalProblem);
    }
}
