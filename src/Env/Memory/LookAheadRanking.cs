using System.Numerics;
using RtfmGym.Env.Geometry;
using System.Runtime.Intrinsics;

namespace RtfmGym.Env.Memory;

/// <summary>
/// How <see cref="FieldOfViewCoverageRule"/> ranks a neighbourhood before its cheap pass: of the
/// entries whose cameras stand within the search radius of the target's (horizontally) and face its
/// way (horizontal headings within 90 degrees), those whose look-ahead points (the floor point
/// <c>lookAhead</c> metres in front of the camera) lie nearest the target's come first, ties to the
/// smaller id. The key of an entry is its squared look-ahead distance in the high 32 bits (the bits
/// of a non-negative float order as the float does) and the low 32 bits of its id in the low ones,
/// so ranking compares integers.
/// <para>A neighbourhood of a long walk holds hundreds of entries, so the scan reads an
/// <see cref="IndexBucket"/>'s arrays eight entries at a time (AVX2) and visits only the kept ones of
/// each eight. The arithmetic is the same, in the same order, with or without SIMD, so the keys are
/// bit-identical.</para>
/// </summary>
internal readonly struct LookAheadRanking
{
    private readonly float _x, _z, _radiusSquared, _forwardX, _forwardZ, _lookAhead, _lookX, _lookZ;

    /// <param name="target">The pose a view is drawn from.</param>
    /// <param name="radius">Search radius, metres.</param>
    /// <param name="lookAhead">Metres in front of each camera of the point entries are ranked by (0: the camera's position).</param>
    public LookAheadRanking(Pose target, float radius, float lookAhead)
    {
        Vector3 forward = target.Forward;
        (_x, _z, _radiusSquared, _forwardX, _forwardZ, _lookAhead) = (target.Position.X, target.Position.Z, radius * radius, forward.X, forward.Z, lookAhead);
        (_lookX, _lookZ) = (_x + lookAhead * forward.X, _z + lookAhead * forward.Z);
    }

    /// <summary>x of the target's view point (its look-ahead point), metres.</summary>
    public float LookX => _lookX;

    /// <summary>z of the target's view point, metres.</summary>
    public float LookZ => _lookZ;

    /// <summary>The squared look-ahead distance a key holds, square metres.</summary>
    public static float DistanceSquaredOf(ulong key) => BitConverter.UInt32BitsToSingle((uint)(key >> 32));

    /// <summary>
    /// Writes the key and the entry of each of <paramref name="bucket"/>'s entries within the radius
    /// that face the target's way to the front of <paramref name="keys"/> and <paramref name="items"/>
    /// (at least as long as the bucket), in bucket order.
    /// </summary>
    /// <param name="bucket">The index square whose entries are scanned.</param>
    /// <param name="keys">Receives the ranking keys (see the type's remarks), at least as long as the bucket.</param>
    /// <param name="items">Receives the entries, parallel to <paramref name="keys"/>, at least as long as the bucket.</param>
    /// <param name="simd">Whether to use SIMD where the hardware has it (false: one entry at a time, for tests).</param>
    /// <returns>How many it wrote.</returns>
    public int Write(IndexBucket bucket, Span<ulong> keys, Span<MemoryEntry> items, bool simd = true)
    {
        ReadOnlySpan<float> xs = bucket.X, zs = bucket.Z, fxs = bucket.ForwardX, fzs = bucket.ForwardZ;
        ReadOnlySpan<long> ids = bucket.Ids;
        ReadOnlySpan<MemoryEntry> entries = bucket.Entries;
        int n = 0, i = 0;
        if (simd && Vector256.IsHardwareAccelerated)
        {
            // Plain locals rather than tuples, which the JIT would keep in memory.
            Vector256<float> x0 = Vector256.Create(_x), z0 = Vector256.Create(_z), r2 = Vector256.Create(_radiusSquared);
            Vector256<float> tfx = Vector256.Create(_forwardX), tfz = Vector256.Create(_forwardZ), ahead = Vector256.Create(_lookAhead);
            Vector256<float> lookX = Vector256.Create(_lookX), lookZ = Vector256.Create(_lookZ);
            for (; i <= xs.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> x = Vector256.Create(xs[i..]), z = Vector256.Create(zs[i..]);
                Vector256<float> fx = Vector256.Create(fxs[i..]), fz = Vector256.Create(fzs[i..]);
                Vector256<float> dx = x - x0, dz = z - z0;
                Vector256<float> keep = Vector256.AndNot(Vector256.LessThanOrEqual(dx * dx + dz * dz, r2), Vector256.LessThan(fx * tfx + fz * tfz, Vector256<float>.Zero));
                uint lanes = keep.ExtractMostSignificantBits();
                if (lanes == 0) continue;
                Vector256<float> lx = x + ahead * fx - lookX, lz = z + ahead * fz - lookZ;
                Vector256<uint> distances = (lx * lx + lz * lz).AsUInt32();
                // One lane per set bit, lowest first: bucket order, as the one-at-a-time loop below.
                for (; lanes != 0; lanes &= lanes - 1)
                {
                    int lane = BitOperations.TrailingZeroCount(lanes);
                    n = Put(distances.GetElement(lane), ids[i + lane], entries[i + lane], keys, items, n);
                }
            }
        }
        for (; i < xs.Length; i++)
        {
            float dx = xs[i] - _x, dz = zs[i] - _z;
            if (!(dx * dx + dz * dz <= _radiusSquared) || fxs[i] * _forwardX + fzs[i] * _forwardZ < 0) continue;
            float lx = xs[i] + _lookAhead * fxs[i] - _lookX, lz = zs[i] + _lookAhead * fzs[i] - _lookZ;
            n = Put(BitConverter.SingleToUInt32Bits(lx * lx + lz * lz), ids[i], entries[i], keys, items, n);
        }
        return n;
    }

    private static int Put(uint distanceBits, long id, MemoryEntry entry, Span<ulong> keys, Span<MemoryEntry> items, int n)
    {
        (keys[n], items[n]) = ((ulong)distanceBits << 32 | (uint)id, entry);
        return n + 1;
    }
}
