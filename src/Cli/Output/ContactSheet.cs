namespace RtfmGym.Cli.Output;

/// <summary>Tiles equally sized RGB frames into one image (row-major, with a 2-pixel gutter), each scaled up by an integer factor.</summary>
public static class ContactSheet
{
    /// <summary>Returns the sheet's RGB bytes and size.</summary>
    public static (byte[] Rgb, int Width, int Height) Build(IReadOnlyList<byte[]> frames, int width, int height, int columns, int scale = 2)
    {
        if (frames.Count == 0) throw new ArgumentException("No frames.", nameof(frames));
        const int Gutter = 2;
        int rows = (frames.Count + columns - 1) / columns;
        int cw = width * scale, ch = height * scale;
        int sw = columns * cw + (columns + 1) * Gutter, sh = rows * ch + (rows + 1) * Gutter;
        var sheet = new byte[sw * sh * 3];
        Array.Fill(sheet, (byte)24);
        for (int k = 0; k < frames.Count; k++)
        {
            int ox = Gutter + (k % columns) * (cw + Gutter), oy = Gutter + (k / columns) * (ch + Gutter);
            for (int y = 0; y < ch; y++)
            {
                for (int x = 0; x < cw; x++)
                {
                    int src = ((y / scale) * width + x / scale) * 3, dst = ((oy + y) * sw + ox + x) * 3;
                    sheet[dst] = frames[k][src]; sheet[dst + 1] = frames[k][src + 1]; sheet[dst + 2] = frames[k][src + 2];
                }
            }
        }
        return (sheet, sw, sh);
    }
}
