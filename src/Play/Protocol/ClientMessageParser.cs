using System.Text.Json;

namespace RtfmGym.Play.Protocol;

/// <summary>
/// Reads the JSON text messages of the play page. Kinds ("type"): "step" (action: an integer, or a list of
/// at most 6 finite numbers; seq: an optional non-negative integer), "reset" (seed: an optional non-negative
/// integer), "options" (truth: a boolean; format: "rgba" or "png"), "record". Anything else throws a
/// <see cref="PlayProtocolException"/> that names the field and what it should be.
/// </summary>
public static class ClientMessageParser
{
    /// <summary>The longest message read, in bytes; a page never needs more than a few dozen.</summary>
    public const int MaxMessageBytes = 4096;

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
