using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Env.Imaging;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Episodes;

/// <summary>
/// Everything needed to re-run an episode and check it bit for bit: the scenario text, the
/// frame source, the episode seed, the reset frame's checksum and pose, and every step's
/// action, reward, flags, pose and frame checksum. Stored as JSON (format "rtfmgym-episode/1").
/// </summary>
public sealed record EpisodeRecord
{
    /// <summary>The format tag written into every record.</summary>
    public const string FormatTag = "rtfmgym-episode/1";

    public required string ScenarioName { get; init; }

    /// <summary>The scenario's YAML text, so a record replays even if the file has changed or gone.</summary>
    public required string ScenarioText { get; init; }

    public required string ScenarioSource { get; init; }
    public required string FrameSource { get; init; }
    public required long Seed { get; init; }

    /// <summary>Reset options used, if any (JSON-compatible values).</summary>
    public IReadOnlyDictionary<string, object>? ResetOptions { get; init; }

    public required string ResetChecksum { get; init; }
    public required float[] ResetPose { get; init; }
    public required IReadOnlyList<RecordedStep> Steps { get; init; }

    /// <summary>End-of-episode figures (success, spl, return, ...), for reading; replay does not check them.</summary>
    public IReadOnlyDictionary<string, double> Summary { get; init; } = new Dictionary<string, double>();

    /// <summary>Writes the record as indented JSON, atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public JsonObject ToJson()
    {
        var steps = new JsonArray();
        foreach (RecordedStep s in Steps)
        {
            steps.Add(new JsonObject
            {
                ["action"] = ActionToJson(s.Action),
                ["reward"] = s.Reward,
                ["terminated"] = s.Terminated,
                ["truncated"] = s.Truncated,
                ["collided"] = s.Collided,
                ["pose"] = new JsonArray(s.Pose.Select(v => (JsonNode)v).ToArray()),
                ["checksum"] = s.Checksum,
            });
        }
        var summary = new JsonObject();
        foreach (var (k, v) in Summary) summary[k] = v;
        var options = new JsonObject();
        if (ResetOptions is not null) foreach (var (k, v) in ResetOptions) options[k] = JsonSerializer.SerializeToNode(v);
        return new JsonObject
        {
            ["format"] = FormatTag,
            ["scenario_name"] = ScenarioName,
            ["scenario_source"] = ScenarioSource,
            ["frame_source"] = FrameSource,
            ["seed"] = Seed,
            ["reset_options"] = options,
            ["reset_checksum"] = ResetChecksum,
            ["reset_pose"] = new JsonArray(ResetPose.Select(v => (JsonNode)v).ToArray()),
            ["summary"] = summary,
            ["steps"] = steps,
            ["scenario_yaml"] = ScenarioText,
        };
    }

    /// <summary>Reads a record; a malformed file is a <see cref="ScenarioException"/> naming the field.</summary>
    public static EpisodeRecord Load(string path)
    {
        if (!File.Exists(path)) throw new ScenarioException(path, 0, "(file)", "no such episode record; `rtfmgym run --out DIR` writes DIR/episode-*.json.");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ScenarioException(path, (int)(e.LineNumber ?? -1) + 1, "(syntax)", $"not valid JSON: {e.Message}");
        }
        return FromJson(root as JsonObject ?? throw new ScenarioException(path, 1, "(root)", "expected a JSON object."), path);
    }

    public static EpisodeRecord FromJson(JsonObject o, string source)
    {
        T Field<T>(JsonObject obj, string name, string path)
        {
            try
            {
                JsonNode node = obj[name] ?? throw new ScenarioException(source, 0, path, "missing.");
                return node.GetValue<T>();
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                throw new ScenarioException(source, 0, path, $"has the wrong type: {e.Message}");
            }
        }
        string format = Field<string>(o, "format", "format");
        if (format != FormatTag) throw new ScenarioException(source, 0, "format", $"'{format}' is not '{FormatTag}'; this record was written by another version.");
        var steps = new List<RecordedStep>();
        JsonArray arr = o["steps"] as JsonArray ?? throw new ScenarioException(source, 0, "steps", "missing or not a list.");
        for (int i = 0; i < arr.Count; i++)
        {
            string p = $"steps[{i}]";
            JsonObject s = arr[i] as JsonObject ?? throw new ScenarioException(source, 0, p, "not an object.");
            steps.Add(new RecordedStep(
                ActionFromJson(s["action"], source, p + ".action"),
                Field<double>(s, "reward", p + ".reward"),
                Field<bool>(s, "terminated", p + ".terminated"),
                Field<bool>(s, "truncated", p + ".truncated"),
                Floats(s["pose"], source, p + ".pose"),
                Field<string>(s, "checksum", p + ".checksum"),
                s["collided"]?.GetValue<bool>() ?? false));
        }
        var summary = new Dictionary<string, double>();
        if (o["summary"] is JsonObject sum) foreach (var (k, v) in sum) if (v is JsonValue jv && jv.TryGetValue(out double d)) summary[k] = d;
        Dictionary<string, object>? options = null;
        if (o["reset_options"] is JsonObject ro && ro.Count > 0)
        {
            options = new Dictionary<string, object>();
            foreach (var (k, v) in ro)
                options[k] = v is JsonArray a ? a.Select(x => x!.GetValue<double>()).ToArray() : (object)v!.GetValue<long>();
        }
        return new EpisodeRecord
        {
            ScenarioName = Field<string>(o, "scenario_name", "scenario_name"),
            ScenarioText = Field<string>(o, "scenario_yaml", "scenario_yaml"),
            ScenarioSource = Field<string>(o, "scenario_source", "scenario_source"),
            FrameSource = Field<string>(o, "frame_source", "frame_source"),
            Seed = Field<long>(o, "seed", "seed"),
            ResetOptions = options,
            ResetChecksum = Field<string>(o, "reset_checksum", "reset_checksum"),
            ResetPose = Floats(o["reset_pose"], source, "reset_pose"),
            Steps = steps,
            Summary = summary,
        };
    }

    /// <summary>An action as JSON: an integer for discrete actions, a list of numbers for boxes.</summary>
    public static JsonNode ActionToJson(object action) => action switch
    {
        _ when DiscreteSpace.TryAsLong(action, out long v) && action is not NDArray { Dtype: DType.Float32 or DType.Float64 } => v,
        long[] l => new JsonArray(l.Select(x => (JsonNode)x).ToArray()),
        _ when BoxSpace.AsArray(action) is { } a => new JsonArray(a.ToDoubleArray().Select(x => (JsonNode)x).ToArray()),
        _ => throw new ArgumentException($"Cannot record action {Space.Format(action)}."),
    };

    private static object ActionFromJson(JsonNode? node, string source, string path) => node switch
    {
        JsonValue v when v.TryGetValue(out long l) => l,
        JsonArray a => NDArray.Vector(a.Select(x => (float)x!.GetValue<double>()).ToArray()),
        _ => throw new ScenarioException(source, 0, path, "expected an integer or a list of numbers."),
    };

    private static float[] Floats(JsonNode? node, string source, string path)
    {
        if (node is not JsonArray a) throw new ScenarioException(source, 0, path, "expected a list of numbers.");
        try
        {
            return a.Select(x => x!.GetValue<float>()).ToArray();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new ScenarioException(source, 0, path, "expected a list of numbers.");
        }
    }
}
