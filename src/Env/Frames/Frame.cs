using System.Security.Cryptography;

namespace RtfmGym.Env.Frames;

/// <summary>
/// One rendered or generated view: RGB bytes in HWC order (row 0 at the top), and optionally
/// depth in metres along the camera axis and per-pixel object ids. Treat the arrays as
/// read-only once the frame is built.
/// </summary>
public sealed class Frame
{
    /// <summary>Wraps the given arrays (not copied) after checking their lengths against the size.</summary>
    /// <param name="width">Width in pixels, positive.</param>
    /// <param name="height">Height in pixels, positive.</param>
    /// <param name="rgb">Colour bytes, HWC, row 0 at the top; length <paramref name="width"/>*<paramref name="height"/>*3.</param>
    /// <param name="depth">Depth in metres along the camera's -Z axis, row-major, one per pixel; null when not produced.</param>
    /// <param name="objectIds">World object id per pixel, -1 for none; null when not produced.</param>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive.</exception>
    /// <exception cref="ArgumentException">An array's length does not match the size.</exception>
    public Frame(int width, int height, byte[] rgb, float[]? depth = null, int[]? objectIds = null)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Frame size {width}x{height} must be positive.");
        if (rgb.Length != width * height * 3) throw new ArgumentException($"RGB needs {width * height * 3} bytes for {width}x{height}, got {rgb.Length}.", nameof(rgb));
        if (depth is not null && depth.Length != width * height) throw new ArgumentException($"Depth needs {width * height} values, got {depth.Length}.", nameof(depth));
        if (objectIds is not null && objectIds.Length != width * height) throw new ArgumentException($"Object ids need {width * height} values, got {objectIds.Length}.", nameof(objectIds));
        (Width, Height, Rgb, Depth, ObjectIds) = (width, height, rgb, depth, objectIds);
    }

    /// <summary>Width in pixels (columns).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (rows).</summary>
    public int Height { get; }

    /// <summary>Colour bytes, HWC, length Width*Height*3.</summary>
    public byte[] Rgb { get; }

    /// <summary>Depth in metres along -Z of the camera, row-major; null when not requested. Rays that hit nothing hold +infinity.</summary>
    public float[]? Depth { get; }

    /// <summary>Object id per pixel (see the world's object list), -1 for none; null when not requested.</summary>
    public int[]? ObjectIds { get; }

    /// <summary>A stable checksum of the RGB bytes (first 16 hex digits of SHA-256), used by episode records.</summary>
    public string Checksum() => ChecksumOf(Rgb);

    /// <summary>The checksum <see cref="Checksum"/> uses, for any byte span.</summary>
    public static string ChecksumOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
}
