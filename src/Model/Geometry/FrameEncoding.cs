using RtfmGym.Env.Frames;

namespace RtfmGym.Model.Geometry;

/// <summary>
/// Pixel values as the network sees them: colour bytes map to [-1, 1]; depth d (metres) to
/// e = 1 − 2·exp(−d / scale), also in [-1, 1] (rays that hit nothing give 1), so near
/// geometry gets most of the channel's resolution.
/// </summary>
public static class FrameEncoding
{
    /// <summary>Colour byte to network value.</summary>
    public static float EncodeColour(byte b) => b / 127.5f - 1f;

    /// <summary>Network value to colour byte (clamped, rounded).</summary>
    public static byte DecodeColour(float x) => (byte)Math.Clamp(MathF.Round((x + 1f) * 127.5f), 0f, 255f);

    /// <summary>Depth in metres to network value.</summary>
    public static float EncodeDepth(float metres, float scale) => float.IsFinite(metres) ? 1f - 2f * MathF.Exp(-Math.Max(0f, metres) / scale) : 1f;

    /// <summary>Network value to depth in metres (values at or above the far end become 20 scales).</summary>
    public static float DecodeDepth(float e, float scale)
    {
        float rest = (1f - Math.Clamp(e, -1f, 1f)) / 2f;
        return rest <= MathF.Exp(-20f) ? 20f * scale : -scale * MathF.Log(rest);
    }

    /// <summary>Writes the frame's colour (and, when <paramref name="depthScale"/> is given, its depth) into token layout from channel 0.</summary>
    /// <exception cref="ArgumentException">Depth is asked for but the frame has none.</exception>
    public static void WriteFrame(Frame frame, TokenLayout layout, Span<float> tokens, float? depthScale = null)
    {
        for (int v = 0; v < frame.Height; v++)
        {
            for (int u = 0; u < frame.Width; u++)
            {
                int p = (v * frame.Width + u) * 3;
                tokens[layout.Index(u, v, 0)] = EncodeColour(frame.Rgb[p]);
                tokens[layout.Index(u, v, 1)] = EncodeColour(frame.Rgb[p + 1]);
                tokens[layout.Index(u, v, 2)] = EncodeColour(frame.Rgb[p + 2]);
            }
        }
        if (depthScale is not { } scale) return;
        float[] depth = frame.Depth ?? throw new ArgumentException("The frame has no depth; render it with the depth channel.", nameof(frame));
        for (int v = 0; v < frame.Height; v++)
            for (int u = 0; u < frame.Width; u++)
                tokens[layout.Index(u, v, 3)] = EncodeDepth(depth[v * frame.Width + u], scale);
    }

    /// <summary>Reads an RGB-D frame back from token layout (channels 0-2 colour, 3 encoded depth).</summary>
    public static Frame ReadFrame(ReadOnlySpan<float> tokens, TokenLayout layout, float depthScale)
    {
        int w = layout.Width, h = layout.Height;
        var rgb = new byte[w * h * 3];
        var depth = new float[w * h];
        for (int v = 0; v < h; v++)
        {
            for (int u = 0; u < w; u++)
            {
                int p = v * w + u;
                for (int c = 0; c < 3; c++) rgb[p * 3 + c] = DecodeColour(tokens[layout.Index(u, v, c)]);
                depth[p] = DecodeDepth(tokens[layout.Index(u, v, 3)], depthScale);
            }
        }
        return new Frame(w, h, rgb, depth);
    }
}
