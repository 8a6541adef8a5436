using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.IO;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Episodes;

/// <summary>
/// Reads <see cref="EpisodeRecord"/>s from JSON, checking every field's type and range: a malformed or
/// edited record is a <see cref="ScenarioException"/> naming the file, the field and the fix, never a crash.
/// </summary>
public static class EpisodeRecordReader
{
    private const string Rerecord = "re-record the episode with `rtfmgym run --out DIR`";

    /// <summary>Reads the record in <paramref name="path"/> (at most <see cref="EpisodeRecord.MaxFileBytes"/> bytes).</summary>
    public static EpisodeRecord Load(string path)
    {
        if (!File.Exists(path)) throw new ScenarioException(path, 0, "(file)", "no such episode record; `rtfmgym run --out DIR` writes DIR/episode-*/episode.json.");
        byte[] bytes = BoundedFile.ReadAllBytes(path, EpisodeRecord.MaxFileBytes, "episode record");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ScenarioException(path, (int)(e.LineNumber ?? -1) + 1, "(syntax)", $"not valid JSON ({e.Message.Split(" LineNumber")[0]}); the file is damaged or cut off, {Rerecord}.");
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new ScenarioException(path, 1, "(encoding)", $"not UTF-8 JSON ({e.Message}); {Rerecord}.");
        }
        return FromJson(root as JsonObject ?? throw new ScenarioException(path, 1, "(root)", "expected a JSON object."), path);
    }

    /// <summary>Reads a record from its JSON; <paramref name="source"/> names it in errors.</summary>
    public static EpisodeRecord FromJson(JsonObject o, string source)
    {
        ArgumentNullException.ThrowIfNull(o);
        var f = new Fields(source);
        string format = f.String(o, "format", "format");
        int version = format switch
        {
            EpisodeRecord.FormatTag => 2,
            EpisodeRecord.FormatTagV1 => 1,
            _ => throw f.Problem("format", $"'{format}' is not '{EpisodeRecord.FormatTag}' (or the older '{EpisodeRecord.FormatTagV1}'); this record was written by another program or version."),
        };
        if (version >= 2)
        {
            string stored = f.String(o, "digest", "digest");
            if (stored != EpisodeRecord.Digest(o))
                throw f.Problem("digest", $"does not match the record's contents: the file was edited or damaged after it was written; {Rerecord}.");
        }

        JsonArray arr = o["steps"] as JsonArray ?? throw f.Problem("steps", "missing or not a list.");
        var steps = new List<RecordedStep>(arr.Count);
        for (int i = 0; i < arr.Count; i++)
        {
            string p = $"steps[{i}]";
            JsonObject s = arr[i] as JsonObject ?? throw f.Problem(p, "not an object.");
            steps.Add(new RecordedStep(
                Action(f, s["action"], p + ".action"),
                f.Double(s, "reward", p + ".reward"),
                f.Bool(s, "terminated", p + ".terminated"),
                f.Bool(s, "truncated", p + ".truncated"),
                f.Floats(s["pose"], p + ".pose", 7),
                f.String(s, "checksum", p + ".checksum"),
                s.ContainsKey("collided") && f.Bool(s, "collided", p + ".collided")));
        }

        var summary = new Dictionary<string, double>();
        if (o["summary"] is JsonObject sum) foreach (var (k, _) in sum) summary[k] = f.Double(sum, k, "summary." + k);
        else if (o.ContainsKey("summary") && o["summary"] is not null) throw f.Problem("summary", "expected an object of numbers.");

        var record = new EpisodeRecord
        {
            FormatVersion = version,
            ScenarioName = f.String(o, "scenario_name", "scenario_name"),
            ScenarioText = f.String(o, "scenario_yaml", "scenario_yaml"),
            ScenarioSource = f.String(o, "scenario_source", "scenario_source"),
            FrameSource = f.String(o, "frame_source", "frame_source"),
            Seed = f.Long(o, "seed", "seed", min: 0),
            ResetOptions = ResetOptions(f, o["reset_options"]),
            ResetChecksum = f.String(o, "reset_checksum", "reset_checksum"),
            ResetPose = f.Floats(o["reset_pose"], "reset_pose", 7),
            Steps = steps,
            Summary = summary,
        };
        if (version < 2) return record;

        int stepCount = (int)f.Long(o, "step_count", "step_count", min: 0, max: int.MaxValue);
        if (stepCount != steps.Count)
            throw f.Problem("steps", $"lists {steps.Count} steps but the record says step_count {stepCount}: it was cut off; {Rerecord}.");
        return record with
        {
            FrameSourceDigest = f.OptionalString(o, "frame_source_digest"),
            WorldSeed = (ulong)f.Long(o, "world_seed", "world_seed", min: 0),
            Start = o["start"] is null ? null : StartOf(f.Floats(o["start"], "start", 3, 4)),
            Goal = o["goal"] is null ? null : GoalOf(f.Floats(o["goal"], "goal", 2)),
            MemoryIn = o["memory_in"] is null ? null : Memory(f, o["memory_in"]),
            Interrupted = f.Bool(o, "interrupted", "interrupted"),
            StartImages = o["start_images"] is null ? [] : StartImages(f, o["start_images"]),
        };
    }

    /// <summary>The embedded start images: file name, floor pose (or null) and base64 PNG each; the PNG is decoded here.</summary>
    private static StartImage[] StartImages(Fields f, JsonNode? node)
    {
        JsonArray list = node as JsonArray ?? throw f.Problem("start_images", "expected a list of {file, pose, png} objects.");
        var images = new StartImage[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            string p = $"start_images[{i}]";
            JsonObject o = list[i] as JsonObject ?? throw f.Problem(p, "not an object.");
            FloorPose? pose = o["pose"] is null ? null : StartOf(f.Floats(o["pose"], p + ".pose", 3, 4));
            try
            {
                images[i] = StartImage.FromPng(f.String(o, "file", p + ".file"), Convert.FromBase64String(f.String(o, "png", p + ".png")), pose);
            }
            catch (Exception e) when (e is FormatException or InvalidDataException)
            {
                throw f.Problem(p + ".png", $"not a base64 PNG the reader takes ({e.Message}); {Rerecord}.");
            }
        }
        return images;
    }

    private static FloorPose StartOf(float[] v) => new(new Vector2(v[0], v[1]), v[2], v.Length == 4 ? v[3] : null);

    private static Vector2 GoalOf(float[] v) => new(v[0], v[1]);

    private static PreloadedMemoryFile Memory(Fields f, JsonNode? node)
    {
        JsonObject m = node as JsonObject ?? throw f.Problem("memory_in", "expected an object with path, sha256 and entries, or null.");
        string sha = f.String(m, "sha256", "memory_in.sha256");
        if (sha.Length != 64 || !sha.All(Uri.IsHexDigit)) throw f.Problem("memory_in.sha256", "expected 64 hex digits.");
        return new PreloadedMemoryFile(f.String(m, "path", "memory_in.path"), sha, (int)f.Long(m, "entries", "memory_in.entries", min: 0, max: int.MaxValue));
    }

    /// <summary>Reset options as the environment takes them: integers stay long, lists become double[].</summary>
    private static Dictionary<string, object>? ResetOptions(Fields f, JsonNode? node)
    {
        if (node is null) return null;
        JsonObject ro = node as JsonObject ?? throw f.Problem("reset_options", "expected an object (world_seed, start, goal).");
        if (ro.Count == 0) return null;
        var options = new Dictionary<string, object>();
        foreach (var (k, v) in ro)
        {
            string p = "reset_options." + k;
            options[k] = v switch
            {
                JsonArray a => f.Doubles(a, p),
                JsonValue x when TryInteger(x, out long l) => l,
                _ => throw f.Problem(p, $"{Describe(v)} is not an integer or a list of numbers; reset options are world_seed (integer), start ([x, z, yaw]) and goal ([x, z])."),
            };
        }
        return options;
    }

    private static object Action(Fields f, JsonNode? node, string path) => node switch
    {
        JsonValue v when TryInteger(v, out long l) => l,
        JsonArray a => NDArray.Vector(f.Floats(a, path)),
        _ => throw f.Problem(path, $"{Describe(node)} is not an action: expected an integer (discrete) or a list of numbers (continuous)."),
    };

    private static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static string Describe(JsonNode? node)
    {
        string text = node is null ? "null" : node.ToJsonString();
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    /// <summary>Typed field reads that turn any wrong type or non-finite number into a <see cref="ScenarioException"/>.</summary>
    private sealed class Fields(string source)
    {
        public ScenarioException Problem(string path, string message) => new(source, 0, path, message);

        public string String(JsonObject o, string name, string path) =>
            Value(o, name, path) is { } v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw WrongType(o[name], path, "a string");

        public string? OptionalString(JsonObject o, string name) => o[name] is null ? null : String(o, name, name);

        public bool Bool(JsonObject o, string name, string path) =>
            Value(o, name, path) is { } v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : throw WrongType(o[name], path, "true or false");

        public long Long(JsonObject o, string name, string path, long min = long.MinValue, long max = long.MaxValue)
        {
            if (Value(o, name, path) is not { } v || !TryInteger(v, out long l)) throw WrongType(o[name], path, "an integer");
            if (l < min || l > max) throw Problem(path, $"{l} is outside {min} to {max}.");
            return l;
        }

        public double Double(JsonObject o, string name, string path) => Number(Value(o, name, path), path);

        public float[] Floats(JsonNode? node, string path, params int[] lengths)
        {
            if (node is not JsonArray a) throw WrongType(node, path, "a list of numbers");
            if (lengths.Length > 0 && !lengths.Contains(a.Count))
                throw Problem(path, $"has {a.Count} numbers; expected {string.Join(" or ", lengths)}.");
            var values = new float[a.Count];
            for (int i = 0; i < a.Count; i++)
            {
                double d = Number(a[i], $"{path}[{i}]");
                values[i] = (float)d;
                if (!float.IsFinite(values[i])) throw Problem($"{path}[{i}]", $"{d:R} is too large for a 32-bit number.");
            }
            return values;
        }

        public double[] Doubles(JsonArray a, string path) => a.Select((x, i) => Number(x, $"{path}[{i}]")).ToArray();

        private double Number(JsonNode? node, string path)
        {
            // Read from the number's JSON text, so values parsed from a file and values built in memory read alike.
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number
                || !double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) throw WrongType(node, path, "a number");
            if (!double.IsFinite(d)) throw Problem(path, $"{Describe(node)} is not a finite number.");
            return d;
        }

        private JsonValue? Value(JsonObject o, string name, string path) =>
            o.ContainsKey(name) ? o[name] as JsonValue : throw Problem(path, $"missing; {Rerecord}.");

        private ScenarioException WrongType(JsonNode? node, string path, string expected) =>
            Problem(path, $"{Describe(node)} has the wrong type: expected {expected}.");
    }
}
