using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// Ground-truth relevance for audits of retrieval rules: for each stored entry, the fraction
/// of the target frame's pixels whose 3D points (from the target's depth) the entry also saw.
/// A point counts as seen when it projects into the entry's image in front of its camera and
/// the entry's depth at that pixel is within <c>tolerance</c> of the point's depth (otherwise
/// something hid it). Uses the target's intrinsics for every entry.
/// </summary>
public static class CovisibilityOracle
{
    /// <summary>
    /// Covisibility of the target view (<paramref name="target"/> with depth, seen from
    /// <paramref name="targetPose"/>) with each of <paramref name="entries"/>, by entry id, 0 to 1.
    /// Target pixels without a finite depth count in the total but are never covisible.
    /// </summary>
    /// <param name="target">The view whose pixels are counted; must have depth.</param>
    /// <param name="targetPose">Camera pose <paramref name="target"/> was seen from (world, metres; looks along -Z, y up).</param>
    /// <param name="camera">Intrinsics used to unproject the target and to project into every entry.</param>
    /// <param name="entries">The stored views to score; each must have depth.</param>
    /// <param name="tolerance">Largest depth difference still counted as the same surface, metres. Default 0.1.</param>
    /// <exception cref="ArgumentException">The target or an entry has no depth.</exception>
    public static Dictionary<long, double> Fractions(Frame target, Pose targetPose, CameraIntrinsics camera, IEnumerable<MemoryEntry> entries, float tolerance = 0.1f)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(entries);
        float[] depth = target.Depth ?? throw new ArgumentException("The target frame has no depth; render it with FrameChannels.Depth.", nameof(target));
        var points = new List<Vector3>(depth.Length);
        for (int y = 0; y < target.Height; y++)
            for (int x = 0; x < target.Width; x++)
                if (depth[y * target.Width + x] is var d && d > 0 && float.IsFinite(d))
                    points.Add(targetPose.TransformPoint(camera.RayDirection(x + 0.5f, y + 0.5f) * d));

        var result = new Dictionary<long, double>();
        foreach (MemoryEntry e in entries)
        {
            float[] ed = e.Frame.Depth ?? throw new ArgumentException($"Memory entry {e.Id} has no depth; the oracle needs depth for every entry.", nameof(entries));
            int seen = 0;
            foreach (Vector3 p in points)
            {
                Vector3 local = e.Pose.InverseTransformPoint(p);
                if (!camera.Project(local, out float u, out float v) || u < 0 || v < 0 || u >= e.Frame.Width || v >= e.Frame.Height) continue;
                if (MathF.Abs(ed[(int)v * e.Frame.Width + (int)u] - -local.Z) <= tolerance) seen++;
            }
            result[e.Id] = (double)seen / depth.Length;
        }
        return result;
    }

    /// <summary>
    /// Recall at <paramref name="k"/>: the share of the oracle's <paramref name="k"/> best entries
    /// (covisibility above 0 only; fewer when fewer are covisible) found among the first
    /// <paramref name="k"/> of <paramref name="retrieved"/>. 1 when the oracle finds no covisible entry.
    /// <para>Ties count as equals: a retrieved entry is a hit when its covisibility reaches that of
    /// the oracle's k-th best. Without this, when more than k entries tie (common: every stored
    /// frame taken behind the target, facing the same way, sees all of its view and scores 1),
    /// which of them "are" the k best would be decided by id, and a rule returning the others
    /// would be marked wrong for an equally good choice.</para>
    /// </summary>
    public static double RecallAtK(IEnumerable<long> retrieved, IReadOnlyDictionary<long, double> oracle, int k)
    {
        ArgumentNullException.ThrowIfNull(retrieved);
        ArgumentNullException.ThrowIfNull(oracle);
        if (k <= 0) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be positive.");
        double[] best = oracle.Values.Where(v => v > 0).OrderDescending().Take(k).ToArray();
        if (best.Length == 0) return 1;
        double bar = best[^1];
        int hits = retrieved.Take(k).Distinct().Count(id => oracle.TryGetValue(id, out double v) && v > 0 && v >= bar);
        return (double)Math.Min(hits, best.Length) / best.Length;
    }

    /// <summary><see cref="RecallAtK(IEnumerable{long}, IReadOnlyDictionary{long, double}, int)"/> for scored entries.</summary>
    public static double RecallAtK(IEnumerable<ScoredEntry> retrieved, IReadOnlyDictionary<long, double> oracle, int k) =>
        RecallAtK(retrieved.Select(s => s.Entry.Id), oracle, k);
}
