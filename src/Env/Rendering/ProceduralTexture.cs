using System.Numerics;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// The material patterns, evaluated in world units (metres) and box-filtered over a
/// footprint: each pattern is integrated analytically over a square of side
/// <c>footprint</c> around the sample, or its detail fades to its mean once the footprint
/// covers a period, so distant patterns turn to their average colour instead of shimmering.
/// A footprint of 0 point-samples.
/// </summary>
internal static class ProceduralTexture
{
    /// <summary>Grout line width of <see cref="MaterialPattern.Tiles"/> as a fraction of the period.</summary>
    private const float Grout = 0.08f;

    /// <summary>The colour of <paramref name="m"/> at surface coordinates (u, v) in metres.</summary>
    public static Vector3 Sample(Material m, float u, float v, float footprint)
    {
        if (m.Pattern == MaterialPattern.Solid) return m.ColorA;
        float s = 1f / MathF.Max(m.Scale, 1e-4f);
        float mix = Mix(m.Pattern, u * s, v * s, footprint * s, m.Id);
        return Vector3.Lerp(m.ColorA, m.ColorB, mix);
    }

    /// <summary>The share of colour B in [0, 1]; coordinates and footprint in pattern periods.</summary>
    public static float Mix(MaterialPattern pattern, float u, float v, float w, int seed)
    {
        switch (pattern)
        {
            case MaterialPattern.Checker:
            {
                float a = SquareWave(u, w), b = SquareWave(v, w);
                return a + b - 2 * a * b;
            }
            case MaterialPattern.Stripes:
                return SquareWave(u, w);
            case MaterialPattern.Tiles:
            {
                float a = Pulse(u, w), b = Pulse(v, w);
                return a + b - a * b;
            }
            case MaterialPattern.Noise:
                return Fbm(u, v, w, seed);
            case MaterialPattern.Wood:
            {
                // Rings across v, bent by low-frequency noise; a box filter scales a sinusoid by sinc.
                float warp = 0.6f * (ValueNoise(u * 0.25f, v * 0.5f, seed) - 0.5f);
                float x = v * 2f + warp;
                float ww = w * 2f;
                float atten = ww < 1e-4f ? 1f : MathF.Max(0f, MathF.Sin(MathF.PI * MathF.Min(ww, 1f)) / (MathF.PI * ww));
                float grainFade = 1f - Math.Clamp(w * 24f - 0.5f, 0f, 1f);
                float grain = grainFade > 0 ? 0.2f * grainFade * (ValueNoise(u * 4f, v * 16f, seed + 7) - 0.5f) : 0f;
                return Math.Clamp(0.5f + 0.45f * MathF.Sin(2 * MathF.PI * x) * atten + grain, 0f, 1f);
            }
            default:
                return 0f;
        }
    }

    /// <summary>Box-filtered square wave of period 1 (0 on the first half, 1 on the second), filter width w.</summary>
    public static float SquareWave(float x, float w)
    {
        if (w < 1e-4f) return x - MathF.Floor(x) >= 0.5f ? 1f : 0f;
        return (SquareIntegral(x + 0.5f * w) - SquareIntegral(x - 0.5f * w)) / w;
    }

    private static float SquareIntegral(float x)
    {
        float f = MathF.Floor(x);
        return f * 0.5f + MathF.Max(x - f - 0.5f, 0f);
    }

    /// <summary>Box-filtered pulse train of period 1, 1 on [0, Grout), filter width w.</summary>
    private static float Pulse(float x, float w)
    {
        if (w < 1e-4f) return x - MathF.Floor(x) < Grout ? 1f : 0f;
        return (PulseIntegral(x + 0.5f * w) - PulseIntegral(x - 0.5f * w)) / w;
    }

    private static float PulseIntegral(float x)
    {
        float f = MathF.Floor(x);
        return f * Grout + MathF.Min(x - f, Grout);
    }

    /// <summary>Two octaves of value noise; each octave fades to the mean as the footprint nears its cell size.</summary>
    private static float Fbm(float u, float v, float w, int seed)
    {
        float sum = 0f, freq = 1f, amp = 0.5f;
        for (int o = 0; o < 2; o++)
        {
            float fade = 1f - Math.Clamp(w * freq * 1.5f - 0.5f, 0f, 1f);
            if (fade <= 0f) break;
            sum += amp * fade * (ValueNoise(u * freq, v * freq, seed + o * 101) - 0.5f);
            freq *= 2f;
            amp *= 0.5f;
        }
        return Math.Clamp(0.5f + 1.6f * sum, 0f, 1f);
    }

    /// <summary>Smoothly interpolated lattice noise in [0, 1].</summary>
    private static float ValueNoise(float x, float y, int seed)
    {
        float fx = MathF.Floor(x), fy = MathF.Floor(y);
        int ix = (int)fx, iy = (int)fy;
        float tx = x - fx, ty = y - fy;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        float a = Lattice(ix, iy, seed), b = Lattice(ix + 1, iy, seed);
        float c = Lattice(ix, iy + 1, seed), d = Lattice(ix + 1, iy + 1, seed);
        return a + (b - a) * tx + (c - a) * ty + (a - b - c + d) * tx * ty;
    }

    private static float Lattice(int x, int y, int seed)
    {
        uint h = (uint)x * 0x8da6b343u + (uint)y * 0xd8163841u + (uint)seed * 0xcb1ab31fu;
        h ^= h >> 15;
        h *= 0x2c1b3c6du;
        h ^= h >> 13;
        return (h & 0xFFFFFF) * (1f / 16777216f);
    }
}
