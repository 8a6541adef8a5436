using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Play.Protocol;

/// <summary>
/// Reads the JSON text messages of the play page. Kinds ("type"): "step" (action: an integer, or a list of
/// at most 6 finite numbers; seq: an optional non-negative integer), "reset" (seed: an optional non-negative
/// integer), "options" (truth: a boolean; format: "rgba" or "png"), "record". Binary messages are uploads (<see cref="ParseBinary"/>).
/// Anything else throws a <see cref="PlayProtocolException"/> that names the field and what it should be.
/// </summary>
public static class ClientMessageParser
{
    /// <summary>The longest message read, in bytes; a page never needs more than a few dozen.</summary>
    public const int MaxMessageBytes = 4096;

    /// <summary>The longest binary message (an upload) read, in bytes: a picture of at most <see cref="StartImage.MaxFileBytes"/> and its header.</summary>
    public const int MaxUploadBytes = StartImage.MaxFileBytes + MaxMessageBytes + 4;

    /// <summary>The most numbers in a box action (a free-flight action has 6).</summary>
    public const int MaxActionLength = 6;

    /// <summary>Parses one message.</summary>
    /// <exception cref="PlayProtocolException">The text is not one of the messages above.</exception>
    public static ClientMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxMessageBytes) throw new PlayProtocolException($"The message has {text.Length} characters; at most {MaxMessageBytes} are read.");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            throw new PlayProtocolException($"The message is not JSON ({e.Message}); send an object such as {{\"type\":\"step\",\"action\":1}}.");
        }
        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PlayProtocolException($"The message is a JSON {Kind(root)}; send an object with a \"type\".");
            if (!root.TryGetProperty("type", out JsonElement type) || type.ValueKind != JsonValueKind.String)
                throw new PlayProtocolException("The message has no \"type\" string; the types are step, reset, options and record.");
            return type.GetString() switch
            {
                "step" => new StepMessage(Action(root), OptionalNonNegative(root, "seq") ?? 0),
                "reset" => new ResetMessage(OptionalNonNegative(root, "seed")),
                "options" => new OptionsMessage(OptionalBool(root, "truth"), OptionalFormat(root)),
                "record" => new RecordMessage(),
                var other => throw new PlayProtocolException($"Unknown message type \"{other}\"; the types are step, reset, options and record."),
            };
        }
    }

    /// <summary>
    /// Parses a binary message: a start-image upload, laid out as frame packets are: a 4-byte little-endian header length, that
    /// many bytes of UTF-8 JSON <c>{"type":"start_image","name":"room.png","x":2.5,"z":4,"yaw_degrees":90}</c> (x and z together or
    /// neither, metres; yaw_degrees optional, default 0; without x and z the picture is seen from the start pose), then the PNG's bytes.
    /// </summary>
    /// <exception cref="PlayProtocolException">The layout or the header is wrong.</exception>
    public static StartImageMessage ParseBinary(ReadOnlySpan<byte> message)
    {
        if (message.Length < 4) throw new PlayProtocolException("The binary message is too short; an upload starts with a 4-byte header length.");
        int length = BinaryPrimitives.ReadInt32LittleEndian(message);
        if (length <= 0 || length > MaxMessageBytes || length > message.Length - 4)
            throw new PlayProtocolException($"The upload's header length {length} does not fit the message (at most {MaxMessageBytes} bytes of JSON, then the picture).");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message.Slice(4, length).ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            throw new PlayProtocolException($"The upload's header is not JSON ({e.Message}).");
        }
        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out JsonElement type) || type.ValueKind != JsonValueKind.String || type.GetString() != "start_image")
                throw new PlayProtocolException("A binary message is an upload whose header is {\"type\":\"start_image\", ...}.");
            string name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "upload.png";
            if (name.Length > 200) name = name[..200];
            double? x = OptionalNumber(root, "x"), z = OptionalNumber(root, "z"), yaw = OptionalNumber(root, "yaw_degrees");
            if (x.HasValue != z.HasValue) throw new PlayProtocolException("Give both \"x\" and \"z\" of the picture's pose, or neither (the start pose).");
            if (yaw is < -360 or > 360) throw new PlayProtocolException($"\"yaw_degrees\" is {yaw}; expected -360 to 360.");
            FloorPose? pose = x is { } px && z is { } pz ? new FloorPose(new Vector2((float)px, (float)pz), (float)((yaw ?? 0) * Math.PI / 180)) : null;
            if (pose is null && yaw is not null) throw new PlayProtocolException("\"yaw_degrees\" needs \"x\" and \"z\" too; without them the picture is seen from the start pose.");
            return new StartImageMessage(name, message[(4 + length)..].ToArray(), pose);
        }
    }

    private static double? OptionalNumber(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double v) || !double.IsFinite(v) || Math.Abs(v) > 1e6)
            throw new PlayProtocolException($"\"{name}\" is {Describe(e)}; expected a finite number (metres for x and z, degrees for yaw).");
        return v;
    }

    private static object Action(JsonElement root)
    {
        if (!root.TryGetProperty("action", out JsonElement a)) throw new PlayProtocolException("A step needs an \"action\": an integer (discrete) or a list of numbers (continuous).");
        switch (a.ValueKind)
        {
            case JsonValueKind.Number when a.TryGetInt64(out long v):
                return v;
            case JsonValueKind.Array:
                int n = a.GetArrayLength();
                if (n == 0 || n > MaxActionLength) throw new PlayProtocolException($"\"action\" has {n} numbers; a box action has 1 to {MaxActionLength}.");
                var values = new float[n];
                int i = 0;
                foreach (JsonElement x in a.EnumerateArray())
                {
                    if (x.ValueKind != JsonValueKind.Number || !x.TryGetSingle(out float f) || !float.IsFinite(f))
                        throw new PlayProtocolException($"\"action\"[{i}] is {Describe(x)}; every entry must be a finite number.");
                    values[i++] = f;
                }
                return values;
            default:
                throw new PlayProtocolException($"\"action\" is {Describe(a)}; expected an integer (discrete) or a list of numbers (continuous).");
        }
    }

    private static long? OptionalNonNegative(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long v) || v < 0)
            throw new PlayProtocolException($"\"{name}\" is {Describe(e)}; expected a non-negative integer.");
        return v;
    }

    private static bool? OptionalBool(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null) return null;
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new PlayProtocolException($"\"{name}\" is {Describe(e)}; expected true or false."),
        };
    }

    private static ImageFormat? OptionalFormat(JsonElement root)
    {
        if (!root.TryGetProperty("format", out JsonElement e) || e.ValueKind == JsonValueKind.Null) return null;
        return e.ValueKind == JsonValueKind.String ? e.GetString() switch
        {
            "rgba" => ImageFormat.Rgba,
            "png" => ImageFormat.Png,
            _ => throw new PlayProtocolException($"\"format\" is {Describe(e)}; expected \"rgba\" or \"png\"."),
        } : throw new PlayProtocolException($"\"format\" is {Describe(e)}; expected \"rgba\" or \"png\".");
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    private static string Describe(JsonElement e)
    {
        string raw = e.GetRawText();
        return raw.Length > 40 ? $"a {Kind(e)}" : raw;
    }
}
