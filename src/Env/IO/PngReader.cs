using System.Buffers.Binary;
using System.IO.Compression;
using RtfmGym.Env.Frames;

namespace RtfmGym.Env.IO;

/// <summary>
/// Decodes PNG images into RGB frames (no dependencies beyond the base library): every colour type (grey,
/// RGB, palette, grey with alpha, RGBA) at every bit depth PNG allows, without interlacing. Alpha is dropped
/// (the colour channels are kept as stored). Every chunk's CRC is checked, and the image's size is checked
/// against <see cref="MaxSide"/> before anything is inflated, so a corrupt or hostile file is refused with a
/// message instead of exhausting memory.
/// </summary>
public static class PngReader
{
    /// <summary>The widest and tallest image read, in pixels.</summary>
    public const int MaxSide = 4096;

    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Whether <paramref name="bytes"/> start with the PNG signature.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>Decodes a PNG file's bytes into an RGB frame (no depth).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PNG this reader takes; the message says what is wrong.</exception>
    public static Frame Decode(ReadOnlySpan<byte> png)
    {
        if (!HasSignature(png)) throw new InvalidDataException("not a PNG image (it does not start with the PNG signature).");
        int pos = Signature.Length, width = 0, height = 0, depth = 0, colour = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        bool header = false, end = false;
        while (!end)
        {
            if (pos + 12 > png.Length) throw new InvalidDataException("the PNG is cut short (a chunk is incomplete).");
            int length = BinaryPrimitives.ReadInt32BigEndian(png[pos..]);
            if (length < 0 || length > png.Length - pos - 12) throw new InvalidDataException("the PNG is cut short or corrupt (a chunk is longer than the file).");
            ReadOnlySpan<byte> typeAndData = png.Slice(pos + 4, 4 + length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + length)..]);
            string type = System.Text.Encoding.ASCII.GetString(typeAndData[..4]);
            if (Crc32.Of(typeAndData) != stored) throw new InvalidDataException($"the PNG is corrupt (the CRC of its {type} chunk does not match).");
            ReadOnlySpan<byte> data = typeAndData[4..];
            pos += 12 + length;
            switch (type)
            {
                case "IHDR":
                    if (length != 13) throw new InvalidDataException("the PNG header (IHDR) has the wrong length.");
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    (depth, colour) = (data[8], data[9]);
                    CheckHeader(width, height, depth, colour, data[10], data[11], data[12]);
                    header = true;
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    if (!header) throw new InvalidDataException("the PNG has image data before its header.");
                    idat.Write(data);
                    break;
                case "IEND":
                    end = true;
                    break;
            }
        }
        if (!header) throw new InvalidDataException("the PNG has no header (IHDR).");
        if (colour == 3 && palette is null) throw new InvalidDataException("the palette PNG has no palette (PLTE).");
        int channels = colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        int bitsPerPixel = channels * depth;
        int stride = (width * bitsPerPixel + 7) / 8;
        byte[] raw = Inflate(idat, (long)(stride + 1) * height);
        Unfilter(raw, stride, height, Math.Max(1, bitsPerPixel / 8));
        return new Frame(width, height, ToRgb(raw, width, height, stride, depth, colour, palette));
    }

    private static void CheckHeader(int width, int height, int depth, int colour, byte compression, byte filter, byte interlace)
    {
        if (width <= 0 || height <= 0) throw new InvalidDataException($"the PNG's size {width}x{height} is not positive.");
        if (width > MaxSide || height > MaxSide) throw new InvalidDataException($"the image is {width}x{height} pixels; at most {MaxSide}x{MaxSide} are read.");
        bool fits = colour switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!fits) throw new InvalidDataException($"the PNG's colour type {colour} with bit depth {depth} is not a valid combination.");
        if (compression != 0 || filter != 0) throw new InvalidDataException("the PNG uses an unknown compression or filter method.");
        if (interlace != 0) throw new InvalidDataException("the PNG is interlaced (Adam7), which is not read; save it without interlacing.");
    }

    /// <summary>Inflates the image data, which must hold exactly <paramref name="expected"/> bytes (more is never read).</summary>
    private static byte[] Inflate(MemoryStream idat, long expected)
    {
        var raw = new byte[expected];
        idat.Position = 0;
        try
        {
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            int total = 0, n;
            while (total < raw.Length && (n = z.Read(raw, total, raw.Length - total)) > 0) total += n;
            if (total < raw.Length) throw new InvalidDataException("the PNG's image data is cut short.");
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("the PNG", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"the PNG's image data is corrupt ({e.Message}).", e);
        }
        return raw;
    }

    /// <summary>Undoes the per-row filters in place (each row is its filter byte, then <paramref name="stride"/> bytes).</summary>
    private static void Unfilter(byte[] raw, int stride, int height, int bpp)
    {
        for (int y = 0; y < height; y++)
        {
            int row = y * (stride + 1) + 1, prev = row - stride - 1;
            byte filter = raw[row - 1];
            for (int x = 0; x < stride; x++)
            {
                int a = x >= bpp ? raw[row + x - bpp] : 0;
                int b = y > 0 ? raw[prev + x] : 0;
                int c = y > 0 && x >= bpp ? raw[prev + x - bpp] : 0;
                raw[row + x] += filter switch
                {
                    0 => 0,
                    1 => (byte)a,
                    2 => (byte)b,
                    3 => (byte)((a + b) >> 1),
                    4 => (byte)Paeth(a, b, c),
                    _ => throw new InvalidDataException($"the PNG is corrupt (row {y} has unknown filter {filter})."),
                };
            }
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgb(byte[] raw, int width, int height, int stride, int depth, int colour, byte[]? palette)
    {
        var rgb = new byte[width * height * 3];
        int channels = colour switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        int max = (1 << Math.Min(depth, 8)) - 1;
        for (int y = 0; y < height; y++)
        {
            int row = y * (stride + 1) + 1;
            for (int x = 0; x < width; x++)
            {
                int o = (y * width + x) * 3;
                if (colour == 3)
                {
                    int index = Sample(raw, row, x, depth);
                    if (3 * index + 2 >= palette!.Length) throw new InvalidDataException($"the PNG is corrupt (palette index {index} is past its {palette.Length / 3} colours).");
                    (rgb[o], rgb[o + 1], rgb[o + 2]) = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2]);
                    continue;
                }
                int first = x * channels;
                byte Channel(int k) => depth == 16 ? raw[row + 2 * (first + k)] : depth == 8 ? raw[row + first + k] : (byte)(Sample(raw, row, first + k, depth) * 255 / max);
                if (channels >= 3) (rgb[o], rgb[o + 1], rgb[o + 2]) = (Channel(0), Channel(1), Channel(2));
                else rgb[o] = rgb[o + 1] = rgb[o + 2] = Channel(0);
            }
        }
        return rgb;
    }

    /// <summary>The <paramref name="index"/>th sample of <paramref name="depth"/> bits (1, 2, 4 or 8) of the row starting at <paramref name="row"/>.</summary>
    private static int Sample(byte[] raw, int row, int index, int depth)
    {
        if (depth == 8) return raw[row + index];
        int bit = index * depth;
        return (raw[row + bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
    }
}
