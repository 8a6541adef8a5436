using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RtfmGym.Env.Memory;

/// <summary>
/// Counts the points of a guessed surface that a stored view saw: the inner loop of
/// <see cref="FieldOfViewCoverageRule"/>'s scores, run for every entry it scores (some 12,000 points
/// a retrieval), and so written for AVX2 (eight points at a time, reading the view's depth with a
/// gather) with a one-point loop beside it that gives the same count bit for bit.
/// </summary>
internal static class SurfaceMatches
{
    /// <summary>
    /// How many points <c>i</c> have <paramref name="pixels"/>[i] &gt;= 0 (they land in the view),
    /// <paramref name="seen"/>[i] (the surface there was seen by some stored view) and
    /// |<paramref name="depth"/>[pixels[i]] - <paramref name="pointDepths"/>[i]| &lt;=
    /// <paramref name="tolerance"/> + <paramref name="slackPerMetre"/> * <paramref name="pointDepths"/>[i]
    /// (the view's depth there is that of the point: it saw that very surface). Depths in metres.
    /// </summary>
    /// <param name="pixels">Per point, its pixel in the view (index into <paramref name="depth"/>), or -1.</param>
    /// <param name="pointDepths">Per point, its depth along the view's axis.</param>
    /// <param name="seen">Per point, whether it counts at all.</param>
    /// <param name="depth">The view's depth image (0 or less where invalid); every pixel index above lies within it.</param>
    /// <param name="tolerance">Largest depth difference counted as the same surface.</param>
    /// <param name="slackPerMetre">How much the tolerance grows per metre of the point's depth.</param>
    /// <param name="simd">Whether to use AVX2 where the processor has it (false: one point at a time, for tests).</param>
    public static unsafe int Count(ReadOnlySpan<int> pixels, ReadOnlySpan<float> pointDepths, ReadOnlySpan<bool> seen, ReadOnlySpan<float> depth,
        float tolerance, float slackPerMetre, bool simd = true)
    {
        int n = pixels.Length;
        if (pointDepths.Length < n || seen.Length < n) throw new ArgumentException($"Depths and seen flags must be given for all {n} points.");
        int count = 0, i = 0;
        if (simd && Avx2.IsSupported && n >= Vector256<int>.Count)
        {
            fixed (int* pixel = pixels)
            fixed (float* pointDepth = pointDepths)
            fixed (bool* seenFlag = seen)
            fixed (float* view = depth)
            {
                Vector256<float> tol = Vector256.Create(tolerance), slack = Vector256.Create(slackPerMetre);
                for (; i <= n - Vector256<int>.Count; i += Vector256<int>.Count)
                {
                    Vector256<int> at = Avx.LoadVector256(pixel + i);
                    // Bools are bytes of 0 or 1: widen eight of them to lanes.
                    Vector256<int> counts = Vector256.GreaterThan(Avx2.ConvertToVector256Int32((byte*)seenFlag + i), Vector256<int>.Zero)
                        & Vector256.GreaterThanOrEqual(at, Vector256<int>.Zero);
                    if (counts == Vector256<int>.Zero) continue;
                    // Lanes outside the mask are not read, so a -1 never touches memory.
                    Vector256<float> there = Avx2.GatherMaskVector256(Vector256<float>.Zero, view, at, counts.AsSingle(), sizeof(float));
                    Vector256<float> d = Avx.LoadVector256(pointDepth + i);
                    Vector256<float> same = Vector256.LessThanOrEqual(Vector256.Abs(there - d), tol + slack * d);
                    count += BitOperations.PopCount((same.AsInt32() & counts).ExtractMostSignificantBits());
                }
            }
        }
        for (; i < n; i++)
        {
            int p = pixels[i];
            if (p >= 0 && seen[i] && MathF.Abs(depth[p] - pointDepths[i]) <= tolerance + slackPerMetre * pointDepths[i]) count++;
        }
        return count;
    }
}
