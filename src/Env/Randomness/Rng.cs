namespace RtfmGym.Env.Randomness;

/// <summary>
/// A small, portable pseudo-random generator (xoshiro256** seeded through SplitMix64).
/// Unlike <see cref="System.Random"/> its sequence is fixed by this file alone, so the same
/// seed gives the same worlds, spawns and samples on every machine and .NET version, and
/// its whole state can be captured and restored (<see cref="State"/>) for snapshots.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
    public Rng(ulong seed) => Reseed(seed);

    /// <summary>Creates a generator from a captured <see cref="State"/>.</summary>
    public Rng(RngState state) => State = state;

    /// <summary>The full internal state; assigning it restores an earlier point of the sequence.</summary>
    public RngState State
    {
        get => new(_s0, _s1, _s2, _s3);
        set
        {
            if ((value.S0 | value.S1 | value.S2 | value.S3) == 0)
                throw new ArgumentException("An all-zero xoshiro state is invalid (the generator would emit only zeros).", nameof(value));
            (_s0, _s1, _s2, _s3) = (value.S0, value.S1, value.S2, value.S3);
        }
    }

    /// <summary>Restarts the sequence from <paramref name="seed"/>.</summary>
    public void Reseed(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    /// <summary>Derives an independent generator for a named purpose, leaving this one untouched.</summary>
    /// <remarks>Used so that, say, the world layout and the spawn pose do not shift when one consumes more numbers.</remarks>
    public static Rng Derive(ulong seed, string purpose)
    {
        ulong h = 1469598103934665603UL; // FNV-1a over the purpose string, mixed with the seed
        foreach (char c in purpose) { h ^= c; h *= 1099511628211UL; }
        return new Rng(seed ^ h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t; _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="n"/>), without modulo bias.</summary>
    public long NextLong(long n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "The range must hold at least one value.");
        ulong un = (ulong)n;
        ulong limit = ulong.MaxValue - ulong.MaxValue % un;
        ulong v;
        do v = NextUInt64(); while (v >= limit);
        return (long)(v % un);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int min, int maxExclusive) => min + (int)NextLong((long)maxExclusive - min);

    /// <summary>A standard normal sample (Box-Muller; one value per call, so the state advances predictably).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[(int)NextLong(items.Count)];

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
