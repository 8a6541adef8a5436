using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.IO;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Episodes;

/// <summary>
/// Everything needed to re-run an episode and check it bit for bit: the scenario text, what the
/// episode ran with (world seed, start and goal, frame source and its digest, a preloaded memory
/// file's digest), the episode seed, the reset frame's checksum and pose, every step's action,
/// reward, flags, pose and frame checksum, the end-of-episode summary, and a SHA-256 digest of
/// the whole record. Stored as JSON (format "rtfmgym-episode/2"; version 1 records, without the
/// episode fields and the digest, are still read). See docs/scenarios.md.
/// </summary>
public sealed record EpisodeRecord
{
    /// <summary>The format tag written into every record.</summary>
    public const string FormatTag = "rtfmgym-episode/2";

    /// <summary>The tag of version 1 records, still read (they lack the episode fields and the digest).</summary>
    public const string FormatTagV1 = "rtfmgym-episode/1";

    /// <summary>The largest record file read, in bytes (a 100,000-step episode is about 30 MB).</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>The format version: 2 for records written now, 1 for records read from older files.</summary>
    public int FormatVersion { get; init; } = 2;

    /// <summary>The scenario's name.</summary>
    public required string ScenarioName { get; init; }

    /// <summary>The scenario's YAML text, so a record replays even if the file has changed or gone.</summary>
    public required string ScenarioText { get; init; }

    /// <summary>Where the scenario came from: its file path, or a source name for inline scenarios.</summary>
    public required string ScenarioSource { get; init; }
    /// <summary>Name of the frame source that drew the frames ("ground-truth", "constant", "model", ...).</summary>
    public required string FrameSource { get; init; }

    /// <summary>Digest of what the frame source draws from (the model checkpoint's "sha256:..."), or null for sources fixed by the code.</summary>
    public string? FrameSourceDigest { get; init; }

    /// <summary>The episode seed.</summary>
    public required long Seed { get; init; }

    /// <summary>The episode's world seed (a suite episode's own, or a reset option's); null in version 1 records.</summary>
    public ulong? WorldSeed { get; init; }

    /// <summary>The episode's fixed start (a suite episode's or the scenario's), or null when it was drawn from the seed.</summary>
    public FloorPose? Start { get; init; }

    /// <summary>The episode's fixed PointNav goal (x, z in metres), or null when it was drawn from the seed.</summary>
    public Vector2? Goal { get; init; }

    /// <summary>The memory file copied into the environment at reset, or null when the episode started with an empty memory.</summary>
    public PreloadedMemoryFile? MemoryIn { get; init; }

    /// <summary>
    /// The pictures the episode started from (the scenario's start images, or a play page's upload), with their PNG bytes, so a
    /// record replays without the image files; empty for an episode that started from the ground truth. Written only when not empty.
    /// </summary>
    public IReadOnlyList<StartImage> StartImages { get; init; } = [];

    /// <summary>Reset options used, if any (JSON-compatible values: integers and lists of numbers).</summary>
    public IReadOnlyDictionary<string, object>? ResetOptions { get; init; }

    /// <summary>Checksum of the reset observation's RGB (the first 16 hex digits of its SHA-256).</summary>
    public required string ResetChecksum { get; init; }
    /// <summary>Agent pose after reset: x, y, z in metres, then the rotation quaternion qx, qy, qz, qw.</summary>
    public required float[] ResetPose { get; init; }
    /// <summary>One entry per step, in order: the action and what the step gave.</summary>
    public required IReadOnlyList<RecordedStep> Steps { get; init; }

    /// <summary>True when the run stopped before the episode ended (Ctrl-C), so its last step neither terminates nor truncates.</summary>
    public bool Interrupted { get; init; }

    /// <summary>End-of-episode figures (<see cref="EpisodeSummary"/>); replay recomputes and compares them.</summary>
    public IReadOnlyDictionary<string, double> Summary { get; init; } = new Dictionary<string, double>();

    /// <summary>Writes the record as indented JSON with its digest, atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Reads a record (see <see cref="EpisodeRecordReader.Load"/>).</summary>
    public static EpisodeRecord Load(string path) => EpisodeRecordReader.Load(path);

    /// <summary>The record as JSON, in format version 2, ending with its digest.</summary>
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
                ["pose"] = Numbers(s.Pose),
                ["checksum"] = s.Checksum,
            });
        }
        var summary = new JsonObject();
        foreach (var (k, v) in Summary) summary[k] = v;
        var options = new JsonObject();
        if (ResetOptions is not null) foreach (var (k, v) in ResetOptions) options[k] = JsonSerializer.SerializeToNode(v);
        var o = new JsonObject
        {
            ["format"] = FormatTag,
            ["scenario_name"] = ScenarioName,
            ["scenario_source"] = ScenarioSource,
            ["frame_source"] = FrameSource,
            ["frame_source_digest"] = FrameSourceDigest,
            ["seed"] = Seed,
            ["world_seed"] = WorldSeed,
            ["start"] = Start is { } st ? PoseToJson(st) : null,
            ["goal"] = Goal is { } g ? Numbers([g.X, g.Y]) : null,
            ["memory_in"] = MemoryIn is { } m ? new JsonObject { ["path"] = m.Path, ["sha256"] = m.Sha256, ["entries"] = m.Entries } : null,
            ["reset_options"] = options,
            ["reset_checksum"] = ResetChecksum,
            ["reset_pose"] = Numbers(ResetPose),
            ["step_count"] = Steps.Count,
            ["interrupted"] = Interrupted,
            ["summary"] = summary,
            ["steps"] = steps,
            ["scenario_yaml"] = ScenarioText,
        };
        // Only records of episodes that start from images carry the field, so every other record reads as before.
        if (StartImages.Count > 0) o["start_images"] = new JsonArray(StartImages.Select(i => (JsonNode)new JsonObject
        {
            ["file"] = i.File,
            ["pose"] = i.Pose is { } p ? PoseToJson(p) : null,
            ["png"] = Convert.ToBase64String(i.Png),
        }).ToArray());
        o["digest"] = Digest(o);
        return o;
    }

    /// <summary>
    /// The digest of a record's JSON: "sha256:" and the hex SHA-256 of its compact serialisation with every
    /// field but "digest", in order. Any edit to a saved record changes it.
    /// </summary>
    public static string Digest(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = new JsonObject();
        foreach (var (k, v) in record)
            if (k != "digest") body[k] = v?.DeepClone();
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));
    }

    /// <summary>An action as JSON: an integer for discrete actions, a list of numbers for boxes.</summary>
    public static JsonNode ActionToJson(object action) => action switch
    {
        _ when DiscreteSpace.TryAsLong(action, out long v) && action is not NDArray { Dtype: DType.Float32 or DType.Float64 } => v,
        long[] l => new JsonArray(l.Select(x => (JsonNode)x).ToArray()),
        _ when BoxSpace.AsArray(action) is { } a => new JsonArray(a.ToDoubleArray().Select(x => (JsonNode)x).ToArray()),
        _ => throw new ArgumentException($"Cannot record action {Space.Format(action)}."),
    };

    /// <summary>A floor pose as JSON: [x, z, yaw], with the altitude fourth when it has one.</summary>
    private static JsonArray PoseToJson(FloorPose p) => Numbers(p.Altitude is { } alt ? [p.Position.X, p.Position.Y, p.Yaw, alt] : [p.Position.X, p.Position.Y, p.Yaw]);

    private static JsonArray Numbers(float[] values) => new(values.Select(v => (JsonNode)v).ToArray());
}
