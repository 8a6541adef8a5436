using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RtfmGym.Env.Scenarios;

/// <summary>
/// Bounds scenario text before it is parsed into a tree, so that no file or message can make the
/// loader run out of stack or memory: a size limit checked before reading, UTF-8 only, one YAML
/// document, nesting at most <see cref="MaxDepth"/> deep, and no anchors or aliases. The checks run
/// on YamlDotNet's event stream, which reads one token at a time and stops at the first problem.
/// Every way into <see cref="ScenarioLoader"/> (files, the bridge's inline YAML, records) passes here.
/// </summary>
public static class ScenarioTextGuard
{
    /// <summary>The largest scenario in bytes (UTF-8) or characters: 1 MiB.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The deepest nesting of mappings and sequences: 16 (a scenario needs 5).</summary>
    public const int MaxDepth = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a scenario file as UTF-8, refusing before reading on anything larger than
    /// <see cref="MaxBytes"/> (devices such as /dev/zero included), UTF-16/32 text and invalid UTF-8.
    /// </summary>
    public static string ReadFile(string path)
    {
        byte[] bytes = IO.BoundedFile.TryReadAllBytes(path, MaxBytes) ?? throw TooLarge(path, "more");
        return Decode(bytes, path);
    }

    /// <summary>Checks <paramref name="text"/> (size, one document, depth, no aliases); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ScenarioException">The text breaks a limit; the message names the source, line and limit.</exception>
    public static void Check(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes) throw TooLarge(source, $"{text.Length:N0} characters, more");
        if (text.Contains('\0', StringComparison.Ordinal)) throw new ScenarioException(source, 0, "(file)", "contains NUL characters (UTF-16 text or a binary file); a scenario is UTF-8 YAML text.");
        var parser = new Parser(new StringReader(text));
        int depth = 0, documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                ParsingEvent e = parser.Current!;
                int line = (int)e.Start.Line;
                switch (e)
                {
                    case DocumentStart when ++documents > 1:
                        throw new ScenarioException(source, line, "(file)", "a second YAML document ('---'); a scenario is one document: remove the separator or split the file.");
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        throw new ScenarioException(source, line, "(file)", $"nested deeper than {MaxDepth} levels; a scenario needs at most 5.");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case AnchorAlias:
                        throw new ScenarioException(source, line, "(file)", "YAML aliases (*name) are not supported in scenarios; write the value out.");
                    case NodeEvent { Anchor.IsEmpty: false }:
                        throw new ScenarioException(source, line, "(file)", "YAML anchors (&name) are not supported in scenarios; write the value out.");
                }
            }
        }
        catch (YamlException e)
        {
            throw new ScenarioException(source, (int)e.Start.Line, "(syntax)", $"not valid YAML: {e.Message}");
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            throw new ScenarioException(path, 0, "(file)", "is UTF-16 or UTF-32 (byte order mark); save it as UTF-8.");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            string hint = bytes.Contains((byte)0) ? " (NUL bytes suggest UTF-16 without a byte order mark, or a binary file)" : "";
            throw new ScenarioException(path, 0, "(file)", $"is not UTF-8 text at byte {e.Index}{hint}; save it as UTF-8.");
        }
    }

    private static ScenarioException TooLarge(string source, string size) =>
        new(source, 0, "(file)", $"too large ({size} than {MaxBytes:N0} bytes, the most a scenario may have). Is this the right file?");
}
