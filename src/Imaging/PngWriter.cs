using System.Buffers.Binary;
using System.IO.Compression;
using RtfmGym.Env.IO;

namespace RtfmGym.Imaging;

/// <summary>Writes 8-bit RGB images as PNG files (no dependencies beyond the base library).</summary>
public static class PngWriter
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Encodes HWC RGB bytes as a PNG.</summary>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        using var output = new MemoryStream();
        WriteHeader(output, width, height);
        WriteChunk(output, "IDAT", Compress(width, height, rgb));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// Encodes frames of equal size as an animated PNG (APNG), looping forever, shown
    /// <paramref name="framesPerSecond"/> a second. Browsers and most viewers play it; others show the first frame.
    /// </summary>
    public static byte[] EncodeAnimated(int width, int height, IReadOnlyList<byte[]> frames, int framesPerSecond = 10)
    {
        if (frames.Count == 0) throw new ArgumentException("An animation needs at least one frame.", nameof(frames));
        using var output = new MemoryStream();
        var animation = new ApngWriter(output, width, height, framesPerSecond);
        foreach (byte[] frame in frames) animation.Add(frame);
        animation.Finish();
        return output.ToArray();
    }

    internal static void WriteHeader(Stream output, int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} must be positive.");
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; header[9] = 2; header[10] = 0; header[11] = 0; header[12] = 0; // 8-bit, truecolour, deflate, no interlace
        WriteChunk(output, "IHDR", header);
    }

    internal static byte[] Compress(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length != width * height * 3) throw new ArgumentException($"RGB needs {width * height * 3} bytes for {width}x{height}, got {rgb.Length}.", nameof(rgb));
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            int stride = width * 3;
            for (int y = 0; y < height; y++)
            {
                z.WriteByte(0); // filter: none
                z.Write(rgb.Slice(y * stride, stride));
            }
        }
        return raw.ToArray();
    }

    /// <summary>Writes a PNG to <paramref name="path"/> through a temporary file and a rename, so a crash never leaves half a file.</summary>
    public static void Write(string path, int width, int height, ReadOnlySpan<byte> rgb) =>
        AtomicFile.WriteAllBytes(path, Encode(width, height, rgb));

    internal static void WriteChunk(Stream s, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buf = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buf, data.Length);
        s.Write(buf);
        Span<byte> typeBytes = stackalloc byte[4];
        for (int i = 0; i < 4; i++) typeBytes[i] = (byte)type[i];
        s.Write(typeBytes);
        s.Write(data);
        uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, typeBytes), data));
        BinaryPrimitives.WriteUInt32BigEndian(buf, crc);
        s.Write(buf);
    }
}
