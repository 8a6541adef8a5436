using System.Globalization;
using System.Numerics;
using YamlDotNet.RepresentationModel;

namespace RtfmGym.Env.Scenarios;

/// <summary>Reads typed fields from YAML nodes, turning every problem into a <see cref="ScenarioException"/> with file, line and field.</summary>
internal sealed class YamlFieldReader(string file)
{
    public string File { get; } = file;

    public ScenarioException Error(YamlNode? node, string field, string problem) => new(File, node is null ? 0 : (int)node.Start.Line, field, problem);

    /// <summary>The node as a mapping whose keys are all in <paramref name="allowed"/>.</summary>
    public YamlMappingNode Map(YamlNode node, string field, params string[] allowed)
    {
        if (node is not YamlMappingNode map) throw Error(node, field, "expected a mapping of fields (key: value lines).");
        foreach (var key in map.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                string where = field.Length == 0 ? name : $"{field}.{name}";
                throw Error(key, where, $"unknown field '{name}'; expected one of: {string.Join(", ", allowed)}.");
            }
        }
        return map;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? v) ? v : null;

    public string Text(YamlNode node, string field)
    {
        if (node is not YamlScalarNode s || s.Value is null) throw Error(node, field, "expected a text value.");
        return s.Value;
    }

    public double Number(YamlNode node, string field, double min, double max)
    {
        string text = Text(node, field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw Error(node, field, $"expected a number, got '{text}'.");
        if (v < min || v > max)
            throw Error(node, field, $"{v.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return v;
    }

    public long Integer(YamlNode node, string field, long min, long max)
    {
        string text = Text(node, field);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v))
            throw Error(node, field, $"expected a whole number, got '{text}'.");
        if (v < min || v > max) throw Error(node, field, $"{v} is outside {min} to {max}.");
        return v;
    }

    public bool Bool(YamlNode node, string field)
    {
        string text = Text(node, field);
        return text switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(node, field, $"expected true or false, got '{text}'."),
        };
    }

    public T Enum<T>(YamlNode node, string field, IReadOnlyDictionary<string, T> names)
    {
        string text = Text(node, field);
        return names.TryGetValue(text, out T? v) ? v : throw Error(node, field, $"'{text}' is not one of: {string.Join(", ", names.Keys)}.");
    }

    public YamlSequenceNode Sequence(YamlNode node, string field)
    {
        if (node is not YamlSequenceNode seq) throw Error(node, field, "expected a list ([a, b, ...] or '- ' lines).");
        return seq;
    }

    public double[] Numbers(YamlNode node, string field, int count, double min = -1e6, double max = 1e6)
    {
        YamlSequenceNode seq = Sequence(node, field);
        if (seq.Children.Count != count) throw Error(node, field, $"expected {count} numbers, got {seq.Children.Count}.");
        return seq.Children.Select((c, i) => Number(c, $"{field}[{i}]", min, max)).ToArray();
    }

    public Vector2 Point(YamlNode node, string field)
    {
        double[] v = Numbers(node, field, 2);
        return new Vector2((float)v[0], (float)v[1]);
    }
}
