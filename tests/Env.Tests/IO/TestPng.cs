using System.Buffers.Binary;
using System.IO.Compression;
using RtfmGym.Env.IO;

namespace RtfmGym.Env.Tests.IO;

/// <summary>Writes PNG files of any colour type, bit depth and row filter, for the reader's tests (the shipped writer knows RGB8 only).</summary>
internal static class TestPng
{
    /// <summary>A PNG of <paramref name="width"/>x<paramref name="height"/> whose raw rows (before filtering) are <paramref name="rows"/>.</summary>
    public static byte[] Encode(int width, int height, byte[] rows, int colour = 2, int depth = 8, int filter = 0, byte[]? palette = null, int interlace = 0)
    {
        int bpp = Math.Max(1, Channels(colour) * depth / 8);
        int stride = rows.Length / height;
        using var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte((byte)filter);
            for (int x = 0; x < stride; x++)
            {
                int v = rows[y * stride + x];
                int a = x >= bpp ? rows[y * stride + x - bpp] : 0, b = y > 0 ? rows[(y - 1) * stride + x] : 0, c = y > 0 && x >= bpp ? rows[(y - 1) * stride + x - bpp] : 0;
                int predicted = filter switch { 1 => a, 2 => b, 3 => (a + b) >> 1, 4 => Paeth(a, b, c), _ => 0 };
                raw.WriteByte((byte)(v - predicted));
            }
        }
        using var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(zs);
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9], header[12]) = ((byte)depth, (byte)colour, (byte)interlace);
        Chunk(png, "IHDR", header);
        if (palette is not null) Chunk(png, "PLTE", palette);
        Chunk(png, "IDAT", z.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Channels(int colour) => colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, head.AsSpan(4)), data)));
        s.Write(crc);
    }

    /// <summary>An RGB8 PNG of a seeded pattern, and its pixels.</summary>
    public static (byte[] Png, byte[] Rgb) Rgb(int width, int height, int seed = 1, int filter = 0)
    {
        var rng = new Random(seed);
        var rgb = new byte[width * height * 3];
        rng.NextBytes(rgb);
        return (Encode(width, height, rgb, filter: filter), rgb);
    }
}
