namespace RtfmGym.Imaging;

/// <summary>
/// A built-in 5x7 pixel font for printable ASCII (32..126), drawn by <see cref="Canvas.DrawText"/>.
/// Capitals and digits are 7 pixels tall on rows 0..6; one row below the baseline (row 7) holds the
/// descenders of g j p q y , ; and the underscore. Units are pixels at scale 1, origin top-left, y down.
/// </summary>
public static class BitmapFont
{
    /// <summary>Glyph width in pixels.</summary>
    public const int GlyphWidth = 5;

    /// <summary>Glyph height in pixels: 7 rows down to the baseline and one descender row.</summary>
    public const int GlyphHeight = 8;

    /// <summary>Height of capitals and digits in pixels (rows 0..6).</summary>
    public const int CapHeight = 7;

    /// <summary>Horizontal distance from one glyph's left edge to the next: the glyph plus a one-pixel gap.</summary>
    public const int Advance = 6;

    /// <summary>Vertical distance from one line's top to the next: the glyph plus a two-pixel gap.</summary>
    public const int LineHeight = 10;

    private const int First = 32, Last = 126;

    // One glyph per string: 8 rows top to bottom, two hex digits a row, bit 4 the leftmost column.
    // Designed for this project on a 5x7 grid; hex keeps the table to a line a character.
    private static readonly string[] Table =
    [
        "0000000000000000", // space
        "0404040404000400", // !
        "0A0A0A0000000000", // "
        "0A0A1F0A1F0A0A00", // #
        "040F140E051E0400", // $
        "1819020408130300", // %
        "0C12140815120D00", // &
        "0404080000000000", // '
        "0204080808040200", // (
        "0804020202040800", // )
        "0004150E15040000", // *
        "0004041F04040000", // +
        "00000000000C0408", // ,
        "0000001F00000000", // -
        "00000000000C0C00", // .
        "0102020408081000", // /
        "0E11131519110E00", // 0
        "040C040404040E00", // 1
        "0E11010204081F00", // 2
        "1F02040201110E00", // 3
        "02060A121F020200", // 4
        "1F101E0101110E00", // 5
        "0608101E11110E00", // 6
        "1F01020408080800", // 7
        "0E11110E11110E00", // 8
        "0E11110F01020C00", // 9
        "00000C0C000C0C00", // :
        "00000C0C000C0408", // ;
        "0204081008040200", // <
        "00001F001F000000", // =
        "0804020102040800", // >
        "0E11010204000400", // ?
        "0E11171517100E00", // @
        "0E11111F11111100", // A
        "1E11111E11111E00", // B
        "0E11101010110E00", // C
        "1C12111111121C00", // D
        "1F10101E10101F00", // E
        "1F10101E10101000", // F
        "0E11101711110F00", // G
        "1111111F11111100", // H
        "0E04040404040E00", // I
        "0702020202120C00", // J
        "1112141814121100", // K
        "1010101010101F00", // L
        "111B151511111100", // M
        "1111191513111100", // N
        "0E11111111110E00", // O
        "1E11111E10101000", // P
        "0E11111115120D00", // Q
        "1E11111E14121100", // R
        "0F10100E01011E00", // S
        "1F04040404040400", // T
        "1111111111110E00", // U
        "11111111110A0400", // V
        "1111111515150A00", // W
        "11110A040A111100", // X
        "11110A0404040400", // Y
        "1F01020408101F00", // Z
        "0E08080808080E00", // [
        "1008080402020100", // \
        "0E02020202020E00", // ]
        "040A110000000000", // ^
        "000000000000001F", // _
        "0804000000000000", // `
        "00000E010F110F00", // a
        "1010161911111E00", // b
        "00000E1010110E00", // c
        "01010D1311110F00", // d
        "00000E111F100E00", // e
        "0609081C08080800", // f
        "00000F11110F010E", // g
        "1010161911111100", // h
        "04000C0404040E00", // i
        "020006020202120C", // j
        "1010121418141200", // k
        "0C04040404040E00", // l
        "00001A1515151500", // m
        "0000161911111100", // n
        "00000E1111110E00", // o
        "00001E11111E1010", // p
        "00000F11110F0101", // q
        "0000161910101000", // r
        "00000F100E011E00", // s
        "08081C0808090600", // t
        "0000111111130D00", // u
        "00001111110A0400", // v
        "0000111115150A00", // w
        "0000110A040A1100", // x
        "00001111110F010E", // y
        "00001F0204081F00", // z
        "0304040804040300", // {
        "0404040404040404", // |
        "1804040204041800", // }
        "0000081502000000", // ~
    ];

    // Drawn for characters outside 32..126 so that missing text shows up instead of vanishing.
    private static readonly byte[] UnknownBox = [0x1F, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1F, 0x00];

    private static readonly byte[] Rows = Parse();

    private static byte[] Parse()
    {
        var rows = new byte[Table.Length * GlyphHeight];
        for (int g = 0; g < Table.Length; g++)
            for (int r = 0; r < GlyphHeight; r++)
                rows[g * GlyphHeight + r] = Convert.ToByte(Table[g].Substring(r * 2, 2), 16);
        return rows;
    }

    /// <summary>Whether <paramref name="c"/> has its own glyph (printable ASCII); others draw as a box.</summary>
    public static bool HasGlyph(char c) => c is >= (char)First and <= (char)Last;

    /// <summary>
    /// The <see cref="GlyphHeight"/> rows of <paramref name="c"/>'s glyph, top to bottom; bit 4 of each
    /// row is the leftmost column, bit 0 the rightmost. Characters without a glyph give the box.
    /// </summary>
    public static ReadOnlySpan<byte> GlyphRows(char c) =>
        HasGlyph(c) ? Rows.AsSpan((c - First) * GlyphHeight, GlyphHeight) : UnknownBox;

    /// <summary>Whether pixel (<paramref name="column"/>, <paramref name="row"/>) of <paramref name="c"/>'s glyph is ink.</summary>
    public static bool IsInk(char c, int column, int row) =>
        (uint)column < GlyphWidth && (uint)row < GlyphHeight && (GlyphRows(c)[row] & (1 << (GlyphWidth - 1 - column))) != 0;

    /// <summary>
    /// The size in pixels of the box <paramref name="text"/> occupies when drawn at <paramref name="scale"/>:
    /// the widest line's glyphs without the trailing gap, by the lines' height including the last line's
    /// descender row. Lines break at '\n'; '\r' is ignored. Empty text measures (0, 0).
    /// </summary>
    public static (int Width, int Height) Measure(string text, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ValidateScale(scale);
        if (text.Length == 0) return (0, 0);
        int lines = 1, longest = 0, current = 0;
        foreach (char c in text)
        {
            if (c == '\n') { lines++; current = 0; }
            else if (c != '\r') longest = Math.Max(longest, ++current);
        }
        int width = longest == 0 ? 0 : (longest * Advance - (Advance - GlyphWidth)) * scale;
        int height = (lines * LineHeight - (LineHeight - GlyphHeight)) * scale;
        return (width, height);
    }

    internal static void ValidateScale(int scale)
    {
        if (scale is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(scale), scale, "Text scale must be between 1 and 64.");
    }
}
