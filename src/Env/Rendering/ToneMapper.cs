namespace RtfmGym.Env.Rendering;

/// <summary>
/// Linear radiance to 8-bit sRGB: linear up to <see cref="Knee"/>, then a smooth exponential
/// shoulder towards 1 so bright highlights roll off instead of clipping, then the sRGB curve.
/// A table indexed by sqrt(x) keeps dark tones finely resolved without calling Pow per pixel.
/// </summary>
internal static class ToneMapper
{
    private const float Knee = 0.7f;
    private const float MaxLinear = 16f;
    private const int Entries = 4096;
    private static readonly byte[] Table = BuildTable();

    /// <summary>The sRGB byte for a linear value (negative and NaN give 0).</summary>
    public static byte Encode(float linear)
    {
        if (!(linear > 0)) return 0;
        float s = MathF.Sqrt(MathF.Min(linear, MaxLinear)) * ((Entries - 1) / MathF.Sqrt(MaxLinear));
        return Table[(int)(s + 0.5f)];
    }

    /// <summary>The exact curve the table samples, for reference and tests.</summary>
    public static float Curve(float linear)
    {
        float x = MathF.Max(linear, 0f);
        float t = x <= Knee ? x : Knee + (1 - Knee) * (1 - MathF.Exp(-(x - Knee) / (1 - Knee)));
        return t <= 0.0031308f ? 12.92f * t : 1.055f * MathF.Pow(t, 1 / 2.4f) - 0.055f;
    }

    private static byte[] BuildTable()
    {
        var table = new byte[Entries];
        float step = MathF.Sqrt(MaxLinear) / (Entries - 1);
        for (int k = 0; k < Entries; k++)
        {
            float s = k * step;
            table[k] = (byte)Math.Clamp((int)MathF.Round(Curve(s * s) * 255f), 0, 255);
        }
        return table;
    }
}
