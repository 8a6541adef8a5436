using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RtfmGym.Env.IO;

namespace RtfmGym.Evaluation;

/// <summary>
/// How evaluation reports are written as JSON: snake_case keys and enum values, indented; non-finite numbers of
/// serialized records as the strings "NaN" and "Infinity" (figures built by hand are rounded, and null where not finite).
/// </summary>
public static class EvaluationJson
{
    /// <summary>The serializer settings of every evaluation report.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
    };

    /// <summary>The properties of <paramref name="value"/>, serialized with <see cref="Options"/>, appended to <paramref name="document"/> in order.</summary>
    public static JsonObject Append(JsonObject document, object value)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var (key, node) in JsonSerializer.SerializeToNode(value, value.GetType(), Options)!.AsObject().ToArray()) document[key] = node?.DeepClone();
        return document;
    }

    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> (atomically, folders created) and returns the text written.</summary>
    public static string Write(string path, JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string text = document.ToJsonString(Options);
        AtomicFile.WriteAllText(path, text);
        return text;
    }
}
