namespace RtfmGym.Imaging;

/// <summary>An 8-bit sRGB colour, as stored in <see cref="Canvas.Rgb"/>.</summary>
public readonly record struct Rgb8(byte R, byte G, byte B)
{
    /// <summary>(0, 0, 0).</summary>
    public static Rgb8 Black => new(0, 0, 0);
    /// <summary>(255, 255, 255).</summary>
    public static Rgb8 White => new(255, 255, 255);
    /// <summary>Mid grey (128, 128, 128).</summary>
    public static Rgb8 Grey => new(128, 128, 128);
    /// <summary>Dark grey (64, 64, 64).</summary>
    public static Rgb8 DarkGrey => new(64, 64, 64);
    /// <summary>Light grey (224, 224, 224).</summary>
    public static Rgb8 LightGrey => new(224, 224, 224);
    /// <summary>(255, 0, 0).</summary>
    public static Rgb8 Red => new(255, 0, 0);
    /// <summary>A darker green (0, 160, 0) that stays readable on white.</summary>
    public static Rgb8 Green => new(0, 160, 0);
    /// <summary>(0, 0, 255).</summary>
    public static Rgb8 Blue => new(0, 0, 255);
    /// <summary>(255, 140, 0).</summary>
    public static Rgb8 Orange => new(255, 140, 0);
    /// <summary>(128, 0, 160).</summary>
    public static Rgb8 Purple => new(128, 0, 160);
    /// <summary>(0, 190, 210).</summary>
    public static Rgb8 Cyan => new(0, 190, 210);
    /// <summary>(220, 0, 200).</summary>
    public static Rgb8 Magenta => new(220, 0, 200);
    /// <summary>A darker yellow (240, 200, 0) that stays readable on white.</summary>
    public static Rgb8 Yellow => new(240, 200, 0);

    // Mid-saturation hues that stay apart on white and for common colour-vision deficiencies
    // better than the pure primaries above, which are meant for markers and overlays.
    private static readonly Rgb8[] CategoricalColours =
    [
        new(30, 100, 200), new(235, 110, 20), new(40, 150, 60), new(210, 40, 50),
        new(130, 80, 180), new(120, 80, 50), new(210, 90, 170), new(100, 100, 100),
        new(170, 170, 20), new(20, 170, 190),
    ];

    /// <summary>
    /// The <paramref name="index"/>-th colour of a ten-colour palette for chart series
    /// (wraps around; negative indices count from the end).
    /// </summary>
    public static Rgb8 Categorical(int index)
    {
        int n = CategoricalColours.Length;
        return CategoricalColours[((index % n) + n) % n];
    }

    /// <summary>A colour from a 0xRRGGBB literal.</summary>
    public static Rgb8 FromHex(int rrggbb) => new((byte)(rrggbb >> 16), (byte)(rrggbb >> 8), (byte)rrggbb);
}
