namespace RtfmGym.Imaging;

/// <summary>
/// A mutable 8-bit RGB raster to draw on: rectangles, lines, text, other images; then saved as PNG.
/// Coordinates are pixels with the origin at the top-left corner and y pointing down. Every drawing
/// call clips to the canvas silently, so shapes may start or end anywhere.
/// </summary>
public sealed class Canvas
{
    /// <summary>The largest width or height accepted, in pixels.</summary>
    public const int MaxSize = 16384;

    /// <summary>Creates a black canvas of <paramref name="width"/> by <paramref name="height"/> pixels (each 1..<see cref="MaxSize"/>).</summary>
    public Canvas(int width, int height)
    {
        if (width is < 1 or > MaxSize) throw new ArgumentOutOfRangeException(nameof(width), width, $"Canvas width must be between 1 and {MaxSize} pixels.");
        if (height is < 1 or > MaxSize) throw new ArgumentOutOfRangeException(nameof(height), height, $"Canvas height must be between 1 and {MaxSize} pixels.");
        Width = width;
        Height = height;
        Rgb = new byte[width * height * 3];
    }

    /// <summary>Creates a canvas filled with <paramref name="background"/>.</summary>
    public Canvas(int width, int height, Rgb8 background) : this(width, height) => Clear(background);

    /// <summary>A canvas holding a copy of HWC RGB bytes (row 0 at the top), e.g. a rendered frame to annotate.</summary>
    public static Canvas FromRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        var canvas = new Canvas(width, height);
        if (rgb.Length != canvas.Rgb.Length) throw new ArgumentException($"RGB needs {canvas.Rgb.Length} bytes for {width}x{height}, got {rgb.Length}.", nameof(rgb));
        rgb.CopyTo(canvas.Rgb);
        return canvas;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixels, HWC: row by row from the top, three bytes (R, G, B) a pixel.</summary>
    public byte[] Rgb { get; }

    /// <summary>Fills the whole canvas with <paramref name="colour"/>.</summary>
    public void Clear(Rgb8 colour) => FillRect(0, 0, Width, Height, colour);

    /// <summary>The colour at (<paramref name="x"/>, <paramref name="y"/>); unlike drawing, reading outside throws.</summary>
    public Rgb8 GetPixel(int x, int y)
    {
        if ((uint)x >= (uint)Width) throw new ArgumentOutOfRangeException(nameof(x), x, $"x must be within 0..{Width - 1}.");
        if ((uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(y), y, $"y must be within 0..{Height - 1}.");
        int i = (y * Width + x) * 3;
        return new Rgb8(Rgb[i], Rgb[i + 1], Rgb[i + 2]);
    }

    /// <summary>Sets one pixel; nothing happens outside the canvas.</summary>
    public void SetPixel(int x, int y, Rgb8 colour)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        int i = (y * Width + x) * 3;
        Rgb[i] = colour.R; Rgb[i + 1] = colour.G; Rgb[i + 2] = colour.B;
    }

    /// <summary>Fills the <paramref name="width"/> by <paramref name="height"/> rectangle whose top-left pixel is (<paramref name="x"/>, <paramref name="y"/>); empty when either size is not positive.</summary>
    public void FillRect(int x, int y, int width, int height, Rgb8 colour)
    {
        // long: x + width may overflow int for rectangles far off the canvas.
        int x0 = (int)Math.Max(x, 0L), x1 = (int)Math.Min((long)x + Math.Max(width, 0), Width);
        int y0 = (int)Math.Max(y, 0L), y1 = (int)Math.Min((long)y + Math.Max(height, 0), Height);
        if (x0 >= x1 || y0 >= y1) return;
        for (int row = y0; row < y1; row++)
        {
            int i = (row * Width + x0) * 3;
            for (int col = x0; col < x1; col++, i += 3)
            {
                Rgb[i] = colour.R; Rgb[i + 1] = colour.G; Rgb[i + 2] = colour.B;
            }
        }
    }

    /// <summary>Outlines a rectangle with lines <paramref name="thickness"/> pixels wide drawn inside its edges.</summary>
    public void DrawRect(int x, int y, int width, int height, Rgb8 colour, int thickness = 1)
    {
        ValidateThickness(thickness);
        if (width <= 0 || height <= 0) return;
        int t = Math.Min(thickness, Math.Min(width, height));
        FillRect(x, y, width, t, colour);
        FillRect(x, (int)Math.Clamp((long)y + height - t, int.MinValue, int.MaxValue), width, t, colour);
        FillRect(x, y, t, height, colour);
        FillRect((int)Math.Clamp((long)x + width - t, int.MinValue, int.MaxValue), y, t, height, colour);
    }

    /// <summary>
    /// Draws a straight line between two pixel centres, both ends included (Bresenham). A
    /// <paramref name="thickness"/> above 1 stamps a square of that size centred on each pixel of the line.
    /// </summary>
    public void DrawLine(int x0, int y0, int x1, int y1, Rgb8 colour, int thickness = 1)
    {
        ValidateThickness(thickness);
        int margin = thickness;
        if (!Inside(x0, y0, margin) || !Inside(x1, y1, margin))
        {
            // Clip first so a segment reaching far off the canvas costs only its visible pixels.
            double ax = x0, ay = y0, bx = x1, by = y1;
            if (!SegmentClipper.Clip(ref ax, ref ay, ref bx, ref by, -margin, -margin, Width - 1 + margin, Height - 1 + margin)) return;
            x0 = (int)Math.Round(ax); y0 = (int)Math.Round(ay); x1 = (int)Math.Round(bx); y1 = (int)Math.Round(by);
        }
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        int err = dx + dy, offset = (thickness - 1) / 2;
        while (true)
        {
            if (thickness == 1) SetPixel(x0, y0, colour);
            else FillRect(x0 - offset, y0 - offset, thickness, thickness, colour);
            if (x0 == x1 && y0 == y1) break;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /// <summary>
    /// Copies an HWC RGB image of <paramref name="width"/> by <paramref name="height"/> pixels with its
    /// top-left corner at (<paramref name="x"/>, <paramref name="y"/>), each source pixel becoming a
    /// <paramref name="scale"/> by <paramref name="scale"/> block (nearest neighbour).
    /// </summary>
    public void Blit(ReadOnlySpan<byte> rgb, int width, int height, int x, int y, int scale = 1)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), $"Source size {width}x{height} must be positive.");
        if ((long)width * height * 3 != rgb.Length) throw new ArgumentException($"RGB needs {(long)width * height * 3} bytes for {width}x{height}, got {rgb.Length}.", nameof(rgb));
        if (scale is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(scale), scale, "Blit scale must be between 1 and 64.");
        int dx0 = (int)Math.Max(x, 0L), dx1 = (int)Math.Min(x + (long)width * scale, Width);
        int dy0 = (int)Math.Max(y, 0L), dy1 = (int)Math.Min(y + (long)height * scale, Height);
        for (int dy = dy0; dy < dy1; dy++)
        {
            int sy = (int)((dy - (long)y) / scale);
            int di = (dy * Width + dx0) * 3;
            for (int dx = dx0; dx < dx1; dx++, di += 3)
            {
                int si = (sy * width + (int)((dx - (long)x) / scale)) * 3;
                Rgb[di] = rgb[si]; Rgb[di + 1] = rgb[si + 1]; Rgb[di + 2] = rgb[si + 2];
            }
        }
    }

    /// <summary>Copies another canvas with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), scaled by nearest neighbour.</summary>
    public void Blit(Canvas source, int x, int y, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        Blit(source.Rgb, source.Width, source.Height, x, y, scale);
    }

    /// <summary>
    /// Draws <paramref name="text"/> in <see cref="BitmapFont"/> with the top-left corner of its box at
    /// (<paramref name="x"/>, <paramref name="y"/>), each font pixel a <paramref name="scale"/>-pixel square.
    /// Only ink is drawn (the background shows through). '\n' starts a new line; see <see cref="MeasureText"/>.
    /// </summary>
    public void DrawText(int x, int y, string text, Rgb8 colour, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        BitmapFont.ValidateScale(scale);
        long penX = x, penY = y;
        foreach (char c in text)
        {
            if (c == '\n') { penX = x; penY += BitmapFont.LineHeight * scale; continue; }
            if (c == '\r') continue;
            DrawGlyph(penX, penY, c, colour, scale);
            penX += BitmapFont.Advance * scale;
        }
    }

    /// <summary>The size in pixels of the box <see cref="DrawText"/> inks for <paramref name="text"/> (see <see cref="BitmapFont.Measure"/>).</summary>
    public static (int Width, int Height) MeasureText(string text, int scale = 1) => BitmapFont.Measure(text, scale);

    /// <summary>The canvas encoded as a PNG file's bytes.</summary>
    public byte[] ToPng() => PngWriter.Encode(Width, Height, Rgb);

    /// <summary>Writes the canvas as a PNG to <paramref name="path"/> atomically (temporary file and rename), creating the folder if needed.</summary>
    public void Save(string path) => PngWriter.Write(path, Width, Height, Rgb);

    private void DrawGlyph(long x, long y, char c, Rgb8 colour, int scale)
    {
        if (x >= Width || y >= Height || x + BitmapFont.GlyphWidth * scale <= 0 || y + BitmapFont.GlyphHeight * scale <= 0) return;
        ReadOnlySpan<byte> rows = BitmapFont.GlyphRows(c);
        for (int r = 0; r < BitmapFont.GlyphHeight; r++)
        {
            for (int col = 0; col < BitmapFont.GlyphWidth; col++)
            {
                if ((rows[r] & (1 << (BitmapFont.GlyphWidth - 1 - col))) != 0)
                    FillRect((int)(x + col * scale), (int)(y + r * scale), scale, scale, colour);
            }
        }
    }

    private bool Inside(int x, int y, int margin) =>
        x >= -margin && y >= -margin && x <= Width - 1 + margin && y <= Height - 1 + margin;

    private static void ValidateThickness(int thickness)
    {
        if (thickness is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(thickness), thickness, "Line thickness must be between 1 and 64 pixels.");
    }
}
