using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using RtfmGym.Env;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.IO;
using RtfmGym.Env.Scenarios;
using RtfmGym.Imaging;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Tasks;
using RtfmGym.Play.Protocol;

namespace RtfmGym.Play;

/// <summary>
/// One page's walk: its own environment (with a spatial memory, so the map can show what is retrieved),
/// a ground-truth renderer for the view at the same pose, and an episode recorder. Messages are handled one
/// at a time, in order (the server's socket loop calls <see cref="Handle"/>); the session is not thread-safe.
/// </summary>
public sealed class PlaySession : IDisposable
{
    /// <summary>Map scale, pixels per metre.</summary>
    public const float MapPixelsPerMetre = 16f;

    private readonly RtfmEnvironment _env;
    private readonly GroundTruthRenderer _truth = new(new RendererOptions { Threads = 1 });
    private readonly EpisodeRecorder _recorder;
    private readonly string _recordDirectory;
    private readonly List<Vector2> _path = [];
    // The memory entries this page has been sent; each packet carries what changed since (MemoryFigures).
    private HashSet<long> _sentEntries = [];
    private bool _showTruth = true;
    private ImageFormat _format = ImageFormat.Rgba;
    private double _return;
    private int _collisions;
    private IReadOnlyDictionary<string, object?> _lastInfo = new Dictionary<string, object?>();
    private int _records;

    /// <summary>A session over <paramref name="env"/> (owned: disposed with the session), saving records under <paramref name="recordDirectory"/>.</summary>
    /// <param name="id">The session's number (in record file names and the hello message).</param>
    /// <param name="env">The environment; it must keep a spatial memory.</param>
    /// <param name="recordDirectory">Where <see cref="RecordMessage"/> saves episode records.</param>
    public PlaySession(int id, RtfmEnvironment env, string recordDirectory)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordDirectory);
        (Id, _env, _recordDirectory) = (id, env, recordDirectory);
        _recorder = new EpisodeRecorder(env);
    }

    /// <summary>The session's number.</summary>
    public int Id { get; }

    /// <summary>The environment walked.</summary>
    public RtfmEnvironment Environment => _env;

    /// <summary>The first message to the page: the scenario, its action space and the picture size.</summary>
    public JsonObject Hello()
    {
        var hello = new JsonObject
        {
            ["type"] = "hello",
            ["session"] = Id,
            ["scenario"] = _env.Scenario.Name,
            ["frame_source"] = _env.FrameSourceName,
            ["action_kind"] = _env.Actions.Settings.Kind.ToString().ToLowerInvariant(),
            ["width"] = _env.Camera.Width,
            ["height"] = _env.Camera.Height,
            ["seed"] = _env.Scenario.Seed,
            ["max_steps"] = _env.Scenario.MaxSteps,
            ["start_images"] = _env.StartImages.Count,
            ["max_upload_bytes"] = StartImage.MaxFileBytes,
        };
        if (_env.ActionSpace is BoxSpace box)
        {
            hello["action_low"] = new JsonArray(box.Low.Select(v => (JsonNode)v).ToArray());
            hello["action_high"] = new JsonArray(box.High.Select(v => (JsonNode)v).ToArray());
        }
        return hello;
    }

    /// <summary>Answers one message: a frame packet for step, reset and a start image, a text message for options and record, an error message for what cannot be done.</summary>
    public PlayReply Handle(ClientMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return message switch
            {
                StepMessage s => Step(s),
                ResetMessage r => Reset(r.Seed),
                OptionsMessage o => Options(o),
                RecordMessage => Record(),
                StartImageMessage i => StartFromImage(i),
                _ => PlayReply.Error("bad_message", $"Unsupported message {message.GetType().Name}."),
            };
        }
        catch (ActionOutOfSpaceException e)
        {
            return PlayReply.Error("bad_action", e.Message);
        }
        catch (EnvironmentStateException e)
        {
            return PlayReply.Error("episode_over", e.Message + " Press R to start again.");
        }
        catch (Exception e) when (e is RtfmGymException or ArgumentException)
        {
            return PlayReply.Error("invalid_argument", e.Message);
        }
    }

    /// <summary>Starts an episode with <paramref name="seed"/> (null: the scenario's) and answers with its first frame and the world's map.</summary>
    public PlayReply Reset(long? seed) => PlayReply.Frame(ResetPacket(seed).ToBytes());

    private FramePacket ResetPacket(long? seed)
    {
        long s = seed ?? _env.Scenario.Seed;
        long start = Stopwatch.GetTimestamp();
        IReadOnlyDictionary<string, object?> info = _env.Reset(s).Info;
        TimeSpan stepTime = Stopwatch.GetElapsedTime(start);
        _recorder.Begin();
        _truth.BeginEpisode(_env.World, (ulong)_env.EpisodeSeed);
        (_return, _collisions, _lastInfo) = (0, 0, info);
        _path.Clear();
        _path.Add(Xz(_env.Pose.Position));
        FramePacket packet = Packet("reset", 0, 0, false, false, info, stepTime);
        WorldMap map = WorldMapRenderer.Render(_env.World, MapPixelsPerMetre);
        packet.AddRgb("map", map.Width, map.Height, map.Rgb, ImageFormat.Png);
        packet.Header["map"] = new JsonObject { ["pixels_per_metre"] = MapPixelsPerMetre, ["width"] = map.Width, ["height"] = map.Height };
        if (_env.Task is PointNavTask nav)
            packet.Header["goal"] = new JsonObject { ["x"] = nav.GoalPosition.X, ["z"] = nav.GoalPosition.Y, ["radius"] = _env.Scenario.Task.SuccessRadius };
        return packet;
    }

    /// <summary>
    /// Makes every following reset of this session start from the uploaded picture (fitted to the camera's size: its centre cut to
    /// the camera's aspect ratio, then resampled) and resets with the current episode's seed. A picture that is not a PNG, too large
    /// or corrupt, or a pose outside the world, is answered with a "bad_image" error and changes nothing.
    /// </summary>
    private PlayReply StartFromImage(StartImageMessage m)
    {
        const string Fix = "Upload a PNG image (at most {0:N0} bytes and {1}x{1} pixels; it is fitted to the camera's {2}x{3}).";
        string fix = string.Format(System.Globalization.CultureInfo.InvariantCulture, Fix, StartImage.MaxFileBytes, PngReader.MaxSide, _env.Camera.Width, _env.Camera.Height);
        if (m.Png.Length > StartImage.MaxFileBytes)
            return PlayReply.Error("bad_image", $"'{m.Name}' is {m.Png.Length:N0} bytes, too large. {fix}");
        Frame picture;
        try
        {
            picture = PngReader.Decode(m.Png);
        }
        catch (InvalidDataException e)
        {
            return PlayReply.Error("bad_image", $"'{m.Name}' cannot be used: {e.Message} {fix}");
        }
        if (m.Pose is { } pose && EpisodePlacement.ImagePoseProblem(_env.World, pose) is { } problem)
            return PlayReply.Error("bad_image", $"The pose of '{m.Name}': {problem} Give x and z inside the world, or leave them empty for the start pose.");
        Frame fitted = ImageResizer.Fit(picture, _env.Camera.Width, _env.Camera.Height);
        // The record embeds the picture as the episode saw it, so replay decodes the very pixels the session used.
        byte[] png = ReferenceEquals(fitted, picture) ? m.Png : PngWriter.Encode(fitted.Width, fitted.Height, fitted.Rgb);
        _env.StartFromImages([new StartImage(m.Name, png, fitted, m.Pose)]);
        FramePacket packet = ResetPacket(_env.LastFrame is null ? null : _env.EpisodeSeed);
        packet.Header["start_image"] = new JsonObject
        {
            ["name"] = m.Name,
            ["width"] = picture.Width,
            ["height"] = picture.Height,
            ["resized"] = !ReferenceEquals(fitted, picture),
        };
        if (!_env.FrameSourceDrawsFromContext)
            packet.Header["note"] = $"Frames come from '{_env.FrameSourceName}', which never reads the memory: the picture is in the memory (see the map) but changes no frame. Start play without --frames {_env.FrameSourceName} to walk the world grown from it.";
        return PlayReply.Frame(packet.ToBytes());
    }

    /// <summary>The episode record of the walk since the last reset (interrupted unless the episode ended), with its end-of-episode figures.</summary>
    public EpisodeRecord BuildRecord() =>
        _recorder.Build(EpisodeSummary.FromLastInfo(_env.StepCount, _return, _collisions, _lastInfo));

    /// <inheritdoc/>
    public void Dispose()
    {
        _env.Dispose();
        _truth.Dispose();
    }

    private PlayReply Step(StepMessage m)
    {
        if (_env.LastFrame is null) return PlayReply.Error("episode_over", "No episode has started; press R to reset.");
        long start = Stopwatch.GetTimestamp();
        StepResult r = _env.Step(m.Action);
        TimeSpan stepTime = Stopwatch.GetElapsedTime(start);
        _recorder.Add(m.Action, r);
        _return += r.Reward;
        if (r.Info.TryGetValue("collided", out object? c) && c is true) _collisions++;
        _lastInfo = r.Info;
        _path.Add(Xz(_env.Pose.Position));
        return PlayReply.Frame(Packet("step", m.Seq, r.Reward, r.Terminated, r.Truncated, r.Info, stepTime).ToBytes());
    }

    private PlayReply Options(OptionsMessage o)
    {
        if (o.Truth is { } t) _showTruth = t;
        if (o.Format is { } f) _format = f;
        return PlayReply.Json(new JsonObject { ["type"] = "options", ["truth"] = _showTruth, ["format"] = _format.ToString().ToLowerInvariant() });
    }

    private PlayReply Record()
    {
        if (_env.LastFrame is null) return PlayReply.Error("episode_over", "No episode has started; press R to reset.");
        EpisodeRecord record = BuildRecord();
        Directory.CreateDirectory(_recordDirectory);
        string path = Path.GetFullPath(Path.Combine(_recordDirectory, $"play-{DateTime.UtcNow:yyyyMMdd-HHmmss}-s{Id}-{++_records:000}.json"));
        record.Save(path);
        return PlayReply.Json(new JsonObject
        {
            ["type"] = "recorded",
            ["path"] = path,
            ["steps"] = record.Steps.Count,
            ["interrupted"] = record.Interrupted,
            ["replay"] = $"rtfmgym replay {path}",
        });
    }

    private FramePacket Packet(string kind, long seq, double reward, bool terminated, bool truncated, IReadOnlyDictionary<string, object?> info, TimeSpan stepTime)
    {
        Frame frame = _env.LastFrame!;
        Pose pose = _env.Pose;
        Vector3 f = pose.Forward;
        var header = new JsonObject
        {
            ["type"] = kind,
            ["seq"] = seq,
            ["step"] = _env.StepCount,
            ["episode_seed"] = _env.EpisodeSeed,
            ["pose"] = new JsonArray(pose.ToArray().Select(v => (JsonNode)v).ToArray()),
            ["heading"] = new JsonArray(f.X, f.Z),
            ["reward"] = reward,
            ["return"] = _return,
            ["terminated"] = terminated,
            ["truncated"] = truncated,
            ["collided"] = info.TryGetValue("collided", out object? c) && c is true,
            ["path"] = new JsonArray(_path.Select(p => (JsonNode)new JsonArray(Round(p.X), Round(p.Y))).ToArray()),
            ["latency_ms"] = new JsonObject
            {
                ["step"] = stepTime.TotalMilliseconds,
                ["retrieval"] = _env.Memory?.LastRetrievalTime.TotalMilliseconds ?? 0,
                ["generation"] = _env.LastRenderTime.TotalMilliseconds,
            },
        };
        foreach (string key in new[] { "distance_to_goal", "success", "spl", "coverage" })
            if (info.TryGetValue(key, out object? v) && v is not null) header[key] = v is bool b ? JsonValue.Create(b) : JsonValue.Create(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
        header["memory"] = MemoryFigures(info);
        var packet = new FramePacket(header);
        packet.AddRgb("frame", frame.Width, frame.Height, frame.Rgb, _format);
        if (_showTruth) AddTruth(packet, frame);
        return packet;
    }

    /// <summary>The ground truth at the current pose, and PSNR (dB; null when identical) and GMR of the frame against it.</summary>
    private void AddTruth(FramePacket packet, Frame frame)
    {
        long start = Stopwatch.GetTimestamp();
        Frame truth = _truth.Render(new FrameRequest(_env.Pose, _env.Camera));
        ((JsonObject)packet.Header["latency_ms"]!)["truth"] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        double psnr = ImageMetrics.Psnr(frame, truth);
        packet.Header["psnr"] = double.IsFinite(psnr) ? psnr : null;
        packet.Header["gmr"] = SharpnessMetrics.Gmr(frame, truth) is var g && double.IsFinite(g) ? g : null;
        packet.AddRgb("truth", truth.Width, truth.Height, truth.Rgb, _format);
    }

    /// <summary>
    /// The memory's size, its entries (id, x, z, heading x, heading z) added since this page's last packet, the ids gone
    /// since then, and the ids retrieved for this frame, best first. Only the changes travel: a captured world holds
    /// thousands of entries, and a step adds one or two.
    /// </summary>
    private JsonObject MemoryFigures(IReadOnlyDictionary<string, object?> info)
    {
        SpatialMemory? memory = _env.Memory;
        long[] retrieved = info.TryGetValue("memory_retrieved", out object? r) && r is long[] ids ? ids : [];
        var added = new JsonArray();
        var current = new HashSet<long>();
        if (memory is not null)
            foreach (MemoryEntry e in memory.Entries)
            {
                current.Add(e.Id);
                if (_sentEntries.Contains(e.Id)) continue;
                Vector3 f = e.Pose.Forward;
                added.Add(new JsonArray(e.Id, Round(e.Pose.Position.X), Round(e.Pose.Position.Z), Round(f.X), Round(f.Z)));
            }
        var removed = new JsonArray(_sentEntries.Where(id => !current.Contains(id)).Select(id => (JsonNode)id).ToArray());
        _sentEntries = current;
        return new JsonObject
        {
            ["size"] = memory?.Count ?? 0,
            ["added"] = added,
            ["removed"] = removed,
            ["retrieved"] = new JsonArray(retrieved.Select(id => (JsonNode)id).ToArray()),
        };
    }

    private static Vector2 Xz(Vector3 p) => new(p.X, p.Z);

    private static double Round(float v) => Math.Round(v, 3);
}
