using System.Buffers.Binary;
using System.Text.Json.Nodes;
using RtfmGym.Imaging;

namespace RtfmGym.Play.Protocol;

/// <summary>
/// The binary WebSocket message that carries a step's pictures and figures: a 4-byte little-endian length,
/// that many bytes of UTF-8 JSON (the header, whose "images" list names each picture with its format, size and
/// byte length, in order), then the pictures' bytes one after another. One message per step keeps the frame
/// and its figures together, with no second round of parsing in the page.
/// </summary>
public sealed class FramePacket
{
    private readonly List<(string Name, string Format, int Width, int Height, byte[] Bytes)> _images = [];

    /// <summary>A packet with <paramref name="header"/> (a JSON object; "images" is added when built).</summary>
    public FramePacket(JsonObject header) => Header = header ?? throw new ArgumentNullException(nameof(header));

    /// <summary>The figures (pose, step, metrics, latency); add fields before <see cref="ToBytes"/>.</summary>
    public JsonObject Header { get; }

    /// <summary>Adds an RGB picture (HWC bytes) in <paramref name="format"/>: widened to RGBA, or encoded as PNG.</summary>
    public void AddRgb(string name, int width, int height, byte[] rgb, ImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Length != width * height * 3) throw new ArgumentException($"Picture '{name}' needs {width * height * 3} RGB bytes for {width}x{height}, got {rgb.Length}.", nameof(rgb));
        _images.Add(format == ImageFormat.Png ? (name, "png", width, height, PngWriter.Encode(width, height, rgb)) : (name, "rgba", width, height, ToRgba(rgb)));
    }

    /// <summary>The message's bytes.</summary>
    public byte[] ToBytes()
    {
        Header["images"] = new JsonArray(_images.Select(i => (JsonNode)new JsonObject
        {
            ["name"] = i.Name, ["format"] = i.Format, ["width"] = i.Width, ["height"] = i.Height, ["length"] = i.Bytes.Length,
        }).ToArray());
        byte[] header = System.Text.Encoding.UTF8.GetBytes(Header.ToJsonString());
        var bytes = new byte[4 + header.Length + _images.Sum(i => i.Bytes.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, header.Length);
        header.CopyTo(bytes, 4);
        int at = 4 + header.Length;
        foreach (var image in _images)
        {
            image.Bytes.CopyTo(bytes, at);
            at += image.Bytes.Length;
        }
        return bytes;
    }

    /// <summary>RGB to RGBA with opaque alpha.</summary>
    internal static byte[] ToRgba(ReadOnlySpan<byte> rgb)
    {
        var rgba = new byte[rgb.Length / 3 * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgba[j] = rgb[i];
            rgba[j + 1] = rgb[i + 1];
            rgba[j + 2] = rgb[i + 2];
            rgba[j + 3] = 255;
        }
        return rgba;
    }
}
